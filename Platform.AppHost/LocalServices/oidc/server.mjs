// Development OpenID provider for local mode and the tests (never for production): one node:http
// server, one oidc-provider instance per realm, each mounted under its issuer path
// (`/realms/platform`, `/realms/tenant-a`, Entra-shaped `/<guid>/v2.0`, ...).
//
// Usage: node server.mjs --config <file>
// The config file (JSON, mode 0600) is written by the launcher and read once; see validateConfig.
// Output contract: exactly one `listening on http://127.0.0.1:<port>` line when ready, then one
// `<METHOD> <path> <status>` line per request. Never query strings, bodies, cookies, codes,
// tokens, passwords or secrets: the launchers collect this output into logs.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';

// oidc-provider prints development notices and, for some errors, objects that may hold request
// data. This process only writes what the output contract allows, so the console is silenced and
// our own lines go straight to the streams.
const out = (line) => process.stdout.write(`${line}\n`);
const err = (line) => process.stderr.write(`${line}\n`);
for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
  console[method] = () => {};
}
// Imported only now: the package prints a runtime notice while loading.
const { default: Provider, errors } = await import('oidc-provider');

function fail(message) {
  err(`oidc: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Configuration
// ---------------------------------------------------------------------------------------------

const GRANT_TYPES = new Set(['authorization_code', 'refresh_token', 'client_credentials']);
// Claims the provider sets itself: a user's extra claims may not override them.
const RESERVED_CLAIMS = new Set([
  'iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'jti', 'nonce', 'azp', 'at_hash', 'c_hash', 's_hash',
  'sid', 'auth_time', 'acr', 'amr', 'client_id', 'scope', 'cnf', 'typ', 'authorization_details',
]);

function readConfigPath(argv) {
  const index = argv.indexOf('--config');
  if (index < 0 || !argv[index + 1]) fail('usage: node server.mjs --config <file>');
  return argv[index + 1];
}

function isAbsoluteUri(value) {
  return typeof value === 'string' && URL.canParse(value) && !value.includes('#');
}

function isNonEmptyString(value) {
  return typeof value === 'string' && value.length > 0;
}

function loadConfig(file) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    fail(`config file ${file} cannot be read`);
  }
  // The file holds passwords and client secrets: anything readable by others is refused.
  if ((stat.mode & 0o077) !== 0) fail(`config file ${file} must not be accessible by group or others (chmod 600)`);
  let config;
  try {
    config = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // The parser's message may quote the file's content, so it is not repeated.
    fail(`config file ${file} is not valid JSON`);
  }
  const problems = validateConfig(config);
  if (problems.length) fail(`invalid config: ${problems.join('; ')}`);
  return config;
}

function validateConfig(config) {
  const problems = [];
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return ['the root must be an object'];
  if (!Number.isInteger(config.port) || config.port < 1 || config.port > 65535) problems.push('port must be an integer 1-65535');
  if (!Array.isArray(config.realms) || config.realms.length === 0) return [...problems, 'realms must be a non-empty array'];

  const paths = new Set();
  config.realms.forEach((realm, r) => {
    const at = `realms[${r}]`;
    if (typeof realm !== 'object' || realm === null) { problems.push(`${at} must be an object`); return; }
    const { path } = realm;
    if (!isNonEmptyString(path) || !path.startsWith('/') || path.endsWith('/') || /[?#\s]/.test(path) || path === '/health') {
      problems.push(`${at}.path must start with "/", not end with "/", and hold no "?", "#" or spaces`);
    } else if (paths.has(path)) {
      problems.push(`${at}.path ${path} is used twice`);
    } else {
      paths.add(path);
    }
    if (!isAbsoluteUri(realm.audience)) problems.push(`${at}.audience must be an absolute URI`);
    if (!Number.isInteger(realm.accessTokenTtlSeconds) || realm.accessTokenTtlSeconds < 1) problems.push(`${at}.accessTokenTtlSeconds must be a positive integer`);

    const clientIds = new Set();
    if (!Array.isArray(realm.clients)) problems.push(`${at}.clients must be an array`);
    (Array.isArray(realm.clients) ? realm.clients : []).forEach((client, c) => {
      const cat = `${at}.clients[${c}]`;
      if (typeof client !== 'object' || client === null) { problems.push(`${cat} must be an object`); return; }
      if (!isNonEmptyString(client.clientId)) problems.push(`${cat}.clientId is required`);
      else if (clientIds.has(client.clientId)) problems.push(`${cat}.clientId is used twice`);
      else clientIds.add(client.clientId);
      if (client.clientSecret !== undefined && (typeof client.clientSecret !== 'string' || client.clientSecret.length < 16)) {
        problems.push(`${cat}.clientSecret must be a string of at least 16 characters when given`);
      }
      const grantTypes = client.grantTypes;
      if (!Array.isArray(grantTypes) || grantTypes.length === 0 || !grantTypes.every((g) => GRANT_TYPES.has(g))) {
        problems.push(`${cat}.grantTypes must be a non-empty subset of ${[...GRANT_TYPES].join(', ')}`);
      } else {
        if (grantTypes.includes('client_credentials') && client.clientSecret === undefined) problems.push(`${cat}: client_credentials needs a clientSecret`);
        if (grantTypes.includes('refresh_token') && !grantTypes.includes('authorization_code')) problems.push(`${cat}: refresh_token needs authorization_code`);
        if (grantTypes.includes('authorization_code') && (!Array.isArray(client.redirectUris) || client.redirectUris.length === 0)) {
          problems.push(`${cat}.redirectUris must be non-empty for authorization_code`);
        }
      }
      if (client.redirectUris !== undefined && (!Array.isArray(client.redirectUris) || !client.redirectUris.every(isAbsoluteUri))) {
        problems.push(`${cat}.redirectUris must be absolute URLs`);
      }
      if (client.postLogoutRedirectUris !== undefined && (!Array.isArray(client.postLogoutRedirectUris) || !client.postLogoutRedirectUris.every(isAbsoluteUri))) {
        problems.push(`${cat}.postLogoutRedirectUris must be absolute URLs`);
      }
      if (client.resources !== undefined && (!Array.isArray(client.resources) || !client.resources.every(isAbsoluteUri))) {
        problems.push(`${cat}.resources must be absolute URIs`);
      }
    });

    const subs = new Set();
    const emails = new Set();
    if (!Array.isArray(realm.users)) problems.push(`${at}.users must be an array`);
    (Array.isArray(realm.users) ? realm.users : []).forEach((user, u) => {
      const uat = `${at}.users[${u}]`;
      if (typeof user !== 'object' || user === null) { problems.push(`${uat} must be an object`); return; }
      if (!isNonEmptyString(user.sub)) problems.push(`${uat}.sub is required`);
      else if (subs.has(user.sub)) problems.push(`${uat}.sub is used twice`);
      else subs.add(user.sub);
      if (!isNonEmptyString(user.email)) problems.push(`${uat}.email is required`);
      else if (emails.has(user.email.toLowerCase())) problems.push(`${uat}.email is used twice`);
      else emails.add(user.email.toLowerCase());
      if (!isNonEmptyString(user.password)) problems.push(`${uat}.password is required`);
      if (user.emailVerified !== undefined && typeof user.emailVerified !== 'boolean') problems.push(`${uat}.emailVerified must be a boolean`);
      if (user.name !== undefined && typeof user.name !== 'string') problems.push(`${uat}.name must be a string`);
      if (user.claims !== undefined) {
        if (typeof user.claims !== 'object' || user.claims === null || Array.isArray(user.claims)) {
          problems.push(`${uat}.claims must be an object`);
        } else {
          for (const key of Object.keys(user.claims)) {
            if (RESERVED_CLAIMS.has(key)) problems.push(`${uat}.claims.${key} is set by the provider itself`);
          }
        }
      }
    });
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// One provider per realm
// ---------------------------------------------------------------------------------------------

function digest(value) {
  return crypto.createHash('sha256').update(value, 'utf8').digest();
}

// Compares fixed-length digests so the comparison takes the same time whatever the password.
function passwordMatches(user, password) {
  return crypto.timingSafeEqual(digest(user.password), digest(password));
}

function userClaims(user) {
  const claims = {
    email: user.email,
    email_verified: user.emailVerified ?? true,
    name: user.name ?? user.email,
    preferred_username: user.email,
    ...user.claims,
    sub: user.sub,
  };
  // An extra claim set to null removes a standard one: Entra-style users may carry no e-mail claim
  // (the e-mail stays their login name on the form).
  for (const [key, value] of Object.entries(claims)) {
    if (value === null) delete claims[key];
  }
  return claims;
}

function signingKey() {
  // A fresh key per realm and start: tokens of one realm never validate with another's keys, and
  // oidc-provider's built-in development keys (public knowledge) are never used.
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  return { ...jwk, kid: crypto.randomBytes(12).toString('base64url'), use: 'sig', alg: 'RS256' };
}

function createProvider(realm, index, issuer) {
  const usersBySub = new Map(realm.users.map((u) => [u.sub, u]));
  const extraClaimNames = [...new Set(realm.users.flatMap((u) => Object.keys(u.claims ?? {})))]
    .filter((name) => !['email', 'email_verified', 'name', 'preferred_username'].includes(name));
  const clientResources = new Map(realm.clients.map((c) => [c.clientId, new Set(c.resources ?? [realm.audience])]));

  const clients = realm.clients.map((c) => {
    const confidential = c.clientSecret !== undefined;
    const redirectUris = c.redirectUris ?? [];
    return {
      client_id: c.clientId,
      ...(confidential ? { client_secret: c.clientSecret } : {}),
      token_endpoint_auth_method: confidential ? 'client_secret_basic' : 'none',
      grant_types: c.grantTypes,
      response_types: c.grantTypes.includes('authorization_code') ? ['code'] : [],
      redirect_uris: redirectUris,
      post_logout_redirect_uris: c.postLogoutRedirectUris
        ?? [...new Set(redirectUris.map((u) => `${new URL(u).origin}/`))],
    };
  });

  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [signingKey()] },
    cookies: {
      keys: [crypto.randomBytes(32).toString('base64url')],
      // All realms share one host: distinct names keep one realm's session from clobbering another's.
      names: { session: `_session_${index}`, interaction: `_interaction_${index}`, resume: `_interaction_resume_${index}` },
    },
    findAccount: async (_ctx, sub) => {
      const user = usersBySub.get(sub);
      if (!user) return undefined;
      return { accountId: sub, claims: async () => userClaims(user) };
    },
    scopes: ['openid', 'email', 'profile', 'offline_access'],
    // The extra claims (tid, oid, groups, roles, ...) ride on `openid` so every sign-in releases them.
    claims: {
      openid: ['sub', ...extraClaimNames],
      email: ['email', 'email_verified'],
      profile: ['name', 'preferred_username'],
    },
    // Keycloak and Entra put the profile claims into the ID token; so does this provider.
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    pkce: { required: () => true },
    // Like Keycloak, a client allowed to refresh gets a refresh token without prompt=consent.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    // No consent page: the grant holds whatever the (registered, PKCE-bound) client asked for.
    loadExistingGrant: async (ctx) => {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId || oidc.session.grantIdFor(oidc.client.clientId);
      let grant = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      grant ??= new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
      if (oidc.requestParamClaims.size) grant.addOIDCClaims([...oidc.requestParamClaims]);
      for (const [indicator, resourceServer] of Object.entries(oidc.resourceServers)) {
        grant.addResourceScope(indicator, [...oidc.requestParamScopes].filter((s) => resourceServer.scopes.has(s)).join(' '));
      }
      await grant.save();
      return grant;
    },
    interactions: {
      url: (_ctx, interaction) => `${realm.path}/interaction/${interaction.uid}`,
    },
    extraTokenClaims: async (_ctx, token) => {
      if (!token.accountId) return undefined;
      const user = usersBySub.get(token.accountId);
      if (!user) return undefined;
      const { sub, ...claims } = userClaims(user);
      return claims;
    },
    ttl: {
      AccessToken: () => realm.accessTokenTtlSeconds,
      ClientCredentials: () => realm.accessTokenTtlSeconds,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      RefreshToken: 8 * 3600,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.type = 'html';
          ctx.body = page('Sign out', `${form}<p>Sign out?</p><button form="op.logoutForm" type="submit" name="logout" value="yes">Sign out</button>`);
        },
      },
      resourceIndicators: {
        enabled: true,
        // A client that names no resource gets an access token for the realm's API.
        defaultResource: async (ctx, _client, oneOf) => {
          if (oneOf) return oneOf.includes(realm.audience) ? realm.audience : oneOf;
          // At the token endpoint the code/refresh token's own resource applies (useGrantedResource).
          if (ctx.oidc.route === 'token' && ctx.oidc.params.grant_type !== 'client_credentials') return undefined;
          return realm.audience;
        },
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource, client) => {
          if (!clientResources.get(client.clientId)?.has(resource)) throw new errors.InvalidTarget();
          return {
            scope: '',
            audience: resource,
            accessTokenTTL: realm.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    renderError: async (ctx, output, _error) => {
      ctx.type = 'html';
      ctx.body = page('Error', `<p>${escapeHtml(output.error)}: ${escapeHtml(output.error_description ?? '')}</p>`);
    },
  });

  provider.on('server_error', (_ctx, error) => err(`oidc: server error in ${realm.path}: ${error?.name}: ${error?.message}`));
  return { realm, provider, usersBySub };
}

// ---------------------------------------------------------------------------------------------
// Login form (no JavaScript: a plain HttpClient with cookies can sign in)
// ---------------------------------------------------------------------------------------------

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function page(title, body) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}

function loginPage(realmPath, uid, message) {
  const action = `${realmPath}/interaction/${encodeURIComponent(uid)}/login`;
  return page('Sign in', `${message ? `<p role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}" autocomplete="off">
<label>E-mail <input type="email" name="login" required autofocus></label>
<label>Password <input type="password" name="password" required></label>
<button type="submit">Sign in</button>
</form>`);
}

function sendHtml(res, status, html) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}

async function readForm(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 16 * 1024) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

async function handleInteraction(entry, req, res, uid, isLogin) {
  const { provider, realm, usersBySub } = entry;
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    sendHtml(res, 400, page('Sign in', '<p>The sign-in session has expired. Start again from the application.</p>'));
    return;
  }
  if (details.uid !== uid) {
    sendHtml(res, 400, page('Sign in', '<p>The sign-in session does not match. Start again from the application.</p>'));
    return;
  }

  if (details.prompt.name !== 'login') {
    // The grant is loaded automatically (loadExistingGrant), so a consent prompt is not expected;
    // should one come anyway, it is granted as requested rather than shown.
    const grant = new provider.Grant({ clientId: details.params.client_id, accountId: details.session?.accountId });
    if (details.params.scope) grant.addOIDCScope(details.params.scope);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }

  if (!isLogin) {
    sendHtml(res, 200, loginPage(realm.path, uid));
    return;
  }
  if (req.method !== 'POST') {
    res.statusCode = 405;
    res.setHeader('Allow', 'POST');
    res.end();
    return;
  }

  const form = await readForm(req);
  const login = (form.get('login') ?? '').trim().toLowerCase();
  const password = form.get('password') ?? '';
  const user = [...usersBySub.values()].find((u) => u.email.toLowerCase() === login);
  // Always compare, even without a user, so the answer does not reveal which part was wrong.
  const matches = passwordMatches(user ?? { password: crypto.randomUUID() }, password) && user !== undefined;
  if (!matches) {
    sendHtml(res, 200, loginPage(realm.path, uid, 'Invalid e-mail or password.'));
    return;
  }
  await provider.interactionFinished(req, res, { login: { accountId: user.sub } }, { mergeWithLastSubmission: false });
}

// ---------------------------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------------------------

const config = loadConfig(readConfigPath(process.argv.slice(2)));
const baseUrl = `http://127.0.0.1:${config.port}`;
const realms = config.realms
  .map((realm, index) => createProvider(realm, index, `${baseUrl}${realm.path}`))
  // Longest path first, so a realm nested under another's path is still reached.
  .sort((a, b) => b.realm.path.length - a.realm.path.length);
const callbacks = new Map(realms.map((e) => [e, e.provider.callback()]));

function pathOf(url) {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
}

const server = http.createServer(async (req, res) => {
  const path = pathOf(req.url ?? '/');
  res.on('finish', () => out(`${req.method} ${path} ${res.statusCode}`));
  try {
    if (path === '/health') {
      res.statusCode = 200;
      res.setHeader('Content-Type', 'text/plain');
      res.end('ok');
      return;
    }
    const entry = realms.find((e) => path === e.realm.path || path.startsWith(`${e.realm.path}/`));
    if (!entry) {
      res.statusCode = 404;
      res.end();
      return;
    }
    // Mounting: the provider sees the path below its issuer; originalUrl lets it build full URLs.
    req.originalUrl = req.url;
    req.url = req.url.slice(entry.realm.path.length) || '/';
    if (req.url.startsWith('?')) req.url = `/${req.url}`;

    const interaction = /^\/interaction\/([^/?]+)(\/login)?(?:\?.*)?$/.exec(req.url);
    if (interaction) {
      await handleInteraction(entry, req, res, decodeURIComponent(interaction[1]), interaction[2] !== undefined);
      return;
    }
    await callbacks.get(entry)(req, res);
  } catch (error) {
    err(`oidc: unhandled ${error?.name}: ${error?.message}`);
    if (!res.headersSent) {
      res.statusCode = 500;
      res.end();
    }
  }
});

server.on('error', (error) => fail(`cannot listen on 127.0.0.1:${config.port}: ${error.code ?? error.message}`));
server.listen(config.port, '127.0.0.1', () => out(`listening on ${baseUrl}`));

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
