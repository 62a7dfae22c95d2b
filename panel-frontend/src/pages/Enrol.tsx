import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { endpoints } from '../api/endpoints';
import type { TotpEnrolment } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { Field } from '../components/Field';
import { FormShell, useForm } from '../components/Form';
import { ProblemAlert } from '../components/ProblemAlert';
import { checkTotp } from '../components/validate';

/** TOTP enrolment (RFC 6238): show the secret, then confirm it with a first code. */
export function Enrol() {
  const { me, refresh } = useAuth();
  const navigate = useNavigate();
  const [enrolment, setEnrolment] = useState<TotpEnrolment>();
  const [startError, setStartError] = useState<unknown>();
  const f = useForm({ code: '' });

  const start = async () => {
    setStartError(undefined);
    try {
      setEnrolment(await endpoints.startEnrolment());
    } catch (e) {
      setStartError(e);
    }
  };

  const onSubmit = f.submit(
    (v) => ({ code: checkTotp(v.code) }),
    async (v) => {
      await endpoints.confirmEnrolment(v.code.trim());
      await refresh();
      navigate('/', { replace: true });
    },
  );

  if (me && me.user.totpEnabled && !me.mustEnrolTotp) {
    return (
      <div className="narrow">
        <h1>Two-step verification</h1>
        <p>Two-step verification is on for your account. An administrator can reset it if you lose your device.</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Set up two-step verification</h1>
      {me?.mustEnrolTotp && (
        <p className="alert alert-warn" role="status">
          Your account must use two-step verification before it can do anything else.
        </p>
      )}
      <ol className="steps">
        <li>Open an authenticator app (any RFC 6238 TOTP app).</li>
        <li>
          <button type="button" onClick={start}>
            {enrolment ? 'Make a new secret' : 'Show my secret'}
          </button>
          <ProblemAlert error={startError} />
          {enrolment && (
            <dl className="secret">
              <dt>Secret (type it into the app)</dt>
              <dd>
                <code data-testid="totp-secret">{enrolment.secret}</code>
              </dd>
              <dt>Or open this link on the device</dt>
              <dd>
                <a href={enrolment.otpauthUri}>{enrolment.otpauthUri}</a>
              </dd>
            </dl>
          )}
        </li>
        <li>Enter the code the app shows to confirm.</li>
      </ol>
      {enrolment && (
        <FormShell title="Confirm" onSubmit={onSubmit} problem={f.problem} busy={f.busy} submitLabel="Turn on two-step verification">
          <Field label="Authentication code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} {...f.bind('code')} />
        </FormShell>
      )}
    </div>
  );
}
