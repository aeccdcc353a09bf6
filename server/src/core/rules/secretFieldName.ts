import words from 'lodash/words';

/** Last words that name a secret whatever precedes them: `accessToken`, `clientSecret`, `adminPassword`. */
const SECRET_WORDS = new Set(['token', 'secret', 'password', 'passwd', 'passphrase', 'credential', 'credentials']);

/**
 * `key` is a secret only with a qualifier that says so. Many keys are identifiers: `integrationKey`
 * (Duo's ikey, paired with a secretKey), `oauthKey` (a consumer key, paired with oauthSecret),
 * `orgKey`, `projectKey`, `publicKey`, `accessKey` (an id paired with a secretKey).
 */
const SECRET_KEY_QUALIFIERS = new Set(['api', 'app', 'application', 'secret', 'private', 'signing', 'encryption', 'master', 'shared', 'auth', 'authentication', 'admin']);

/**
 * Why a config field's name says it holds a secret (the word that does), or undefined. Decided on
 * the last word, the thing the field is: `tokenUrl`, `keyId`, `apiKeyName`, `privateKeyPath` and
 * `passwordPolicy` are not secrets. `apiKey` next to an `apiSecret` field is the public half of a
 * key pair (Cisco Secure Workload): not a secret either.
 */
export function secretWord(field: string, allFields: readonly string[]): string | undefined {
  const parts = words(field).map((w) => w.toLowerCase());
  // `apiV2Token`, `token2`: version suffixes do not change what the field is.
  while (parts.length > 1 && /^(v?\d+|v)$/.test(parts[parts.length - 1])) parts.pop();
  const last = parts[parts.length - 1];
  if (last === undefined) return undefined;
  if (SECRET_WORDS.has(last)) return last;
  if (last !== 'key' && last !== 'keys') return undefined;
  const qualifier = parts.slice(0, -1).filter((w) => !/^(v?\d+|v)$/.test(w)).pop();
  if (!qualifier || !SECRET_KEY_QUALIFIERS.has(qualifier)) return undefined;
  const prefix = field.slice(0, field.toLowerCase().lastIndexOf('key'));
  if (qualifier !== 'secret' && qualifier !== 'private' && allFields.some((f) => f.toLowerCase() === `${prefix}secret`.toLowerCase())) return undefined;
  return `${qualifier} key`;
}
