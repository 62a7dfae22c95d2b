import { FormEvent, ReactNode, useState } from 'react';
import { ApiError } from '../api/client';
import { ProblemAlert } from './ProblemAlert';

/**
 * A form that validates before sending, shows field errors beside their inputs (client-side
 * ones and those of an API problem) and the API's problem detail above the button.
 */
export function useForm<V extends Record<string, string>>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof V, string>>>({});
  const [problem, setProblem] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const bind = (name: keyof V & string) => ({
    name,
    value: values[name],
    error: errors[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });

  /** Runs `validate`; if clean, `send`; maps an ApiError's field errors onto the fields. */
  const submit =
    (validate: (v: V) => Partial<Record<keyof V, string | undefined>>, send: (v: V) => Promise<void>) =>
    async (e: FormEvent) => {
      e.preventDefault();
      setProblem(undefined);
      const found = Object.fromEntries(Object.entries(validate(values)).filter(([, m]) => m)) as Partial<Record<keyof V, string>>;
      setErrors(found);
      if (Object.keys(found).length > 0) {
        const first = (e.currentTarget as HTMLFormElement).querySelector<HTMLElement>(`[name="${Object.keys(found)[0]}"]`);
        first?.focus();
        return;
      }
      setBusy(true);
      try {
        await send(values);
      } catch (err) {
        setProblem(err);
        if (err instanceof ApiError && err.errors.length) {
          setErrors(Object.fromEntries(err.errors.filter((f) => f.field in values).map((f) => [f.field, f.message])) as Partial<Record<keyof V, string>>);
        }
      } finally {
        setBusy(false);
      }
    };

  return { values, setValues, errors, problem, setProblem, busy, bind, submit };
}

export function FormShell({ title, onSubmit, children, problem, submitLabel, busy }: {
  title: string; onSubmit: (e: FormEvent) => void; children: ReactNode; problem: unknown; submitLabel: string; busy: boolean;
}) {
  const id = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={id} className="form">
      <h2 id={id}>{title}</h2>
      {children}
      <ProblemAlert error={problem} />
      <button type="submit" disabled={busy}>
        {busy ? 'Working…' : submitLabel}
      </button>
    </form>
  );
}
