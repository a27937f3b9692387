// Stateful construct: the Cognito user pool that issues the clinicians' JWTs the HTTP API trusts.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface ClinicianIdentityProps {
  prefix: string;
}

/**
 * Custom attributes the API authorises on; ID tokens carry them as `custom:hospital`, `custom:role`
 * and `custom:patient` (functions/api/http.ts `callerOf`). `patient` is set for patient-role users
 * only: their own pseudonymous patient id, the one record the API lets them read.
 */
export const clinicianClaims = { hospital: 'hospital', role: 'role', patient: 'patient' } as const;

/**
 * Clinicians are provisioned by an administrator (no self sign-up), sign in with e-mail, a strong
 * password and a TOTP second factor, and are watched by Cognito threat protection (Plus tier) for
 * compromised credentials and risky sign-ins.
 *
 * `hospital`, `role` and `patient` decide what a user may read, so the app client can read them
 * but not write them: otherwise any signed-in user could call UpdateUserAttributes and move
 * themselves to another hospital, or a patient to another patient's record. Only an administrator
 * (AdminCreateUser, AdminUpdateUserAttributes) sets them.
 */
export class ClinicianIdentity extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** `iss` of the pool's tokens, as the JWT authorizer expects it. */
  readonly issuerUrl: string;

  constructor(scope: Construct, id: string, props: ClinicianIdentityProps) {
    super(scope, id);

    this.userPool = new cognito.UserPool(this, 'Pool', {
      userPoolName: `${props.prefix}-clinicians`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        [clinicianClaims.hospital]: new cognito.StringAttribute({
          minLen: 1,
          maxLen: 63,
          mutable: true,
        }),
        [clinicianClaims.role]: new cognito.StringAttribute({
          minLen: 1,
          maxLen: 32,
          mutable: true,
        }),
        // A FHIR id (at most 64 characters); ingest's pseudonyms are 32 hex digits.
        [clinicianClaims.patient]: new cognito.StringAttribute({
          minLen: 1,
          maxLen: 64,
          mutable: true,
        }),
      },
      mfa: cognito.Mfa.REQUIRED,
      // TOTP only: SMS codes can be intercepted (SIM swap) and need an SNS spend limit and origination number.
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.client = this.userPool.addClient('ApiClient', {
      userPoolClientName: `${props.prefix}-api`,
      // A public client (dashboard, CLI): a secret shipped inside them would not stay secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      // CDK's default turns on the hosted-UI OAuth flows, implicit grant included, with a placeholder
      // callback. The dashboard will add an authorization-code + PKCE client with real URLs.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(60),
      accessTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(
          clinicianClaims.hospital,
          clinicianClaims.role,
          clinicianClaims.patient,
        ),
      // E-mail (the required sign-in attribute) stays writable so a clinician can correct it;
      // `keepOriginal` keeps the verified address in force until the new one is verified.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({
        email: true,
        fullname: true,
      }),
    });

    this.issuerUrl = this.userPool.userPoolProviderUrl;
  }
}
