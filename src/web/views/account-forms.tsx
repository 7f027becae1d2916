/** The forms a guest sees: sign up, sign in, ask for a password reset, and choose a new password from the link. */
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../services/accounts/password.js";
import { RESET_LINK_HOURS } from "../../services/accounts/password-reset.js";
import type { PageContext } from "../page-context.js";
import { ProblemSummary, TextField, type FieldProblems } from "./account-fields.js";
import { CsrfField } from "./csrf-field.js";
import { Layout } from "./layout.js";

const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters. A few words you will remember make a good one.`;

export interface SignUpValues {
  login: string;
  email: string;
  invitation: string | null;
}

export function SignUpPage(props: { page: PageContext; values: SignUpValues; problems: FieldProblems | null; byInvitation: boolean }) {
  const { values, problems } = props;
  return (
    <Layout page={props.page} title="Sign up">
      <h1>Sign up</h1>
      {props.byInvitation && <p>This archive takes new accounts by invitation, and yours is good for one account.</p>}
      <ProblemSummary problems={problems} fieldIds={{ login: "signup-login", email: "signup-email", password: "signup-password", confirm: "signup-confirm" }} />
      <form method="post" action="/signup" class="account-form">
        <CsrfField page={props.page} />
        {values.invitation && <input type="hidden" name="invitation" value={values.invitation} />}
        <TextField id="signup-login" name="login" label="User name" value={values.login} problem={problems?.login} autocomplete="username" required maxlength={40}
          hint="3 to 40 letters, digits or underscores. It is also the first name you post under; you can add others later." />
        <TextField id="signup-email" name="email" label="E-mail address" type="email" value={values.email} problem={problems?.email} autocomplete="email" required maxlength={254}
          hint="For resetting your password. Never shown to anyone." />
        <TextField id="signup-password" name="password" label="Password" type="password" problem={problems?.password} autocomplete="new-password" required
          minlength={MIN_PASSWORD_LENGTH} maxlength={MAX_PASSWORD_LENGTH} hint={PASSWORD_HINT} />
        <TextField id="signup-confirm" name="confirm" label="Password again" type="password" problem={problems?.confirm} autocomplete="new-password" required maxlength={MAX_PASSWORD_LENGTH} />
        <button type="submit" class="primary">Make my account</button>
      </form>
      <p>Have an account? <a href="/login">Sign in</a>.</p>
    </Layout>
  );
}

/** Invitation-only mode, reached without a valid invitation. */
export function SignUpClosedPage(props: { page: PageContext; hadInvitation: boolean }) {
  return (
    <Layout page={props.page} title="Sign-up by invitation">
      <h1>Sign-up is by invitation</h1>
      <p>{props.hadInvitation
        ? "This invitation is not valid, or it has been used. Ask the person who invited you for a new one."
        : "This archive takes new accounts by invitation only. Ask one of its admins for an invitation."}</p>
      <p>Have an account? <a href="/login">Sign in</a>.</p>
    </Layout>
  );
}

export function LoginPage(props: { page: PageContext; name: string; returnTo: string; problem: string | null; asked: boolean }) {
  return (
    <Layout page={props.page} title="Sign in">
      <h1>Sign in</h1>
      {props.asked && !props.problem && <p class="notice" role="status">Sign in to go on.</p>}
      {props.problem && <div class="errors" role="alert"><p>{props.problem}</p></div>}
      <form method="post" action="/login" class="account-form">
        <CsrfField page={props.page} />
        <input type="hidden" name="return" value={props.returnTo} />
        <TextField id="login-name" name="name" label="User name or e-mail address" value={props.name} autocomplete="username" required maxlength={254} />
        <TextField id="login-password" name="password" label="Password" type="password" autocomplete="current-password" required maxlength={MAX_PASSWORD_LENGTH} />
        <button type="submit" class="primary">Sign in</button>
      </form>
      <p><a href="/password/forgot">Forgot your password?</a> · <a href="/signup">Make an account</a></p>
    </Layout>
  );
}

export function ForgotPasswordPage(props: { page: PageContext; sent: boolean; problems: FieldProblems | null }) {
  return (
    <Layout page={props.page} title="Forgot your password?">
      <h1>Forgot your password?</h1>
      {props.sent && (
        <p class="notice" role="status">
          If an account with that name or address exists, we have sent a link to its e-mail address. The link works once, for {RESET_LINK_HOURS} hour.
        </p>
      )}
      <ProblemSummary problems={props.problems} fieldIds={{ name: "forgot-name" }} />
      <form method="post" action="/password/forgot" class="account-form">
        <CsrfField page={props.page} />
        <TextField id="forgot-name" name="name" label="User name or e-mail address" problem={props.problems?.name} autocomplete="username" required maxlength={254}
          hint="We mail a link to choose a new password to the account's address." />
        <button type="submit" class="primary">Send me a link</button>
      </form>
      <p><a href="/login">Back to sign in</a></p>
    </Layout>
  );
}

/** The form behind a reset link; `token` null when the link cannot be used. */
export function ResetPasswordPage(props: { page: PageContext; token: string | null; problems: FieldProblems | null }) {
  const { token, problems } = props;
  return (
    <Layout page={props.page} title="Choose a new password">
      <h1>Choose a new password</h1>
      {token === null ? (
        <>
          <div class="errors" role="alert"><p>{problems?.token ?? "This link has expired or has been used."}</p></div>
          <p><a href="/password/forgot">Ask for a new link</a></p>
        </>
      ) : (
        <>
          <ProblemSummary problems={problems} fieldIds={{ password: "reset-password", confirm: "reset-confirm" }} />
          <form method="post" action="/password/reset" class="account-form">
            <CsrfField page={props.page} />
            <input type="hidden" name="token" value={token} />
            <TextField id="reset-password" name="password" label="New password" type="password" problem={problems?.password} autocomplete="new-password" required
              minlength={MIN_PASSWORD_LENGTH} maxlength={MAX_PASSWORD_LENGTH} hint={PASSWORD_HINT} />
            <TextField id="reset-confirm" name="confirm" label="New password again" type="password" problem={problems?.confirm} autocomplete="new-password" required maxlength={MAX_PASSWORD_LENGTH} />
            <button type="submit" class="primary">Set the password and sign in</button>
          </form>
          <p>Every browser signed in to the account is signed out.</p>
        </>
      )}
    </Layout>
  );
}
