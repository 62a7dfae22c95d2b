import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Column, DataTable } from '../components/DataTable';

interface Row { id: string; n: number }
const rows: Row[] = Array.from({ length: 45 }, (_, i) => ({ id: `r${String(i + 1).padStart(2, '0')}`, n: (i * 7) % 45 }));
const columns: Column<Row>[] = [
  { key: 'id', label: 'Id', sortable: true },
  { key: 'n', label: 'Number', sortable: true },
];
const firstCells = () => within(screen.getAllByRole('rowgroup')[1]).getAllByRole('row').map((r) => within(r).getAllByRole('cell')[0].textContent);

describe('DataTable', () => {
  it('pages in 20s and sorts by a header, announcing the order', async () => {
    const load = () => Promise.resolve({ items: rows, truncated: true });
    render(<DataTable caption="Things" columns={columns} load={load} rowKey={(r) => r.id} initialSort={{ key: 'id', order: 'asc' }} />);
    expect(await screen.findByText('Page 1 of 3 · 45 items')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('narrow the search');
    expect(firstCells()[0]).toBe('r01');
    expect(firstCells()).toHaveLength(20);
    const u = userEvent.setup();
    await u.click(screen.getByRole('button', { name: 'Next →' }));
    expect(firstCells()[0]).toBe('r21');
    await u.click(screen.getByRole('button', { name: 'Next →' }));
    expect(firstCells()).toHaveLength(5);
    expect(screen.getByRole('button', { name: 'Next →' })).toBeDisabled();

    await u.click(screen.getByRole('button', { name: /Id/ }));
    expect(screen.getByRole('columnheader', { name: /Id/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByText('Page 1 of 3 · 45 items')).toBeInTheDocument();
    expect(firstCells()[0]).toBe('r45');

    await u.click(screen.getByRole('button', { name: /Number/ }));
    expect(screen.getByRole('columnheader', { name: /Number/ })).toHaveAttribute('aria-sort', 'ascending');
    const numbers = within(screen.getAllByRole('rowgroup')[1]).getAllByRole('row').map((r) => Number(within(r).getAllByRole('cell')[1].textContent));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers[0]).toBe(0);
  });

  it('shows a load error', async () => {
    render(<DataTable caption="Things" columns={columns} load={() => Promise.reject(new Error('boom'))} rowKey={(r) => r.id} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('boom');
  });
});
