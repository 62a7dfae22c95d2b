import { ApiError } from '../api/client';

/** Shows an API problem (or any error) to the user, in a live region. */
export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const msg = error instanceof ApiError ? error.userMessage : error instanceof Error ? error.message : String(error);
  const fieldErrors = error instanceof ApiError ? error.errors : [];
  return (
    <div role="alert" className="alert alert-error">
      <strong>{error instanceof ApiError && error.status === 403 ? 'Not allowed. ' : ''}</strong>
      {msg}
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((e) => (
            <li key={e.field + e.message}>
              {e.field}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Success({ children }: { children: React.ReactNode }) {
  return (
    <div role="status" className="alert alert-ok">
      {children}
    </div>
  );
}
