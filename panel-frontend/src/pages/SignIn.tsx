import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { endpoints } from '../api/endpoints';
import { useAuth } from '../auth/AuthContext';
import { Field } from '../components/Field';
import { FormShell, useForm } from '../components/Form';
import { checkTotp } from '../components/validate';

/** Password first; when the API answers `totp-required`, the code, then on to the app. */
export function SignIn() {
  const { refresh } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const totpRef = useRef<HTMLInputElement>(null);
  const f = useForm({ username: '', password: '', totp: '' });
  // Focus the code field once it is on screen (after the render that shows it).
  useEffect(() => {
    if (step === 'totp') totpRef.current?.focus();
  }, [step]);

  const onSubmit = f.submit(
    (v) => ({
      username: v.username.trim() ? undefined : 'Enter your username.',
      password: v.password ? undefined : 'Enter your password.',
      totp: step === 'totp' ? checkTotp(v.totp) : undefined,
    }),
    async (v) => {
      try {
        await endpoints.signIn(v.username.trim(), v.password, step === 'totp' ? v.totp.trim() : undefined);
      } catch (e) {
        if (e instanceof ApiError && e.type === 'urn:opentld:problem:totp-required') {
          setStep('totp');
          return;
        }
        throw e;
      }
      const me = await refresh();
      const from = (location.state as { from?: string } | null)?.from;
      navigate(me?.mustEnrolTotp ? '/enrol' : from && from !== '/signin' ? from : '/', { replace: true });
    },
  );

  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <FormShell title={step === 'password' ? 'Your account' : 'Two-step verification'} onSubmit={onSubmit}
        problem={f.problem} busy={f.busy} submitLabel={step === 'password' ? 'Sign in' : 'Verify'}>
        {step === 'password' ? (
          <>
            <Field label="Username" autoComplete="username" autoFocus {...f.bind('username')} />
            <Field label="Password" type="password" autoComplete="current-password" {...f.bind('password')} />
          </>
        ) : (
          <>
            <p>Enter the 6-digit code your authenticator app shows for {f.values.username}.</p>
            <Field ref={totpRef} label="Authentication code" inputMode="numeric" autoComplete="one-time-code"
              maxLength={6} {...f.bind('totp')} />
            <button type="button" className="link" onClick={() => { setStep('password'); f.setValues((v) => ({ ...v, totp: '' })); }}>
              Use another account
            </button>
          </>
        )}
      </FormShell>
    </div>
  );
}
