// Reads what --policies names into one PolicyStore: files and folders in any mix. A file is
// recognised by its content (an authorization-details export, a session-policies file); a folder is
// an iam-collect store when it holds the store's layout, else it is walked for such files (and stores).
//
//   const store = loadPolicies(['exports/auth-111122223333-2026-11-23.json', 'iam-data-2026-11-23/']);
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserError } from '../errors.js';
import type { PolicyStore } from '../types.js';
import { authorizationDetails, isAuthorizationDetails } from './authorization-details.js';
import { exportDate } from './export-date.js';
import { iamCollectStore, type StoreFolder } from './iam-collect-store.js';
import { isSessionPolicies, sessionPolicies } from './session-policies.js';

const EXPECTED =
  'expected `aws iam get-account-authorization-details --output json` output, a session-policies file ({"sessionPolicies": […]}) or an iam-collect store folder';

/** A policy export of megabytes is normal; one of gigabytes is not an export. */
const MAX_FILE_BYTES = 512 * 1024 * 1024;

function emptyStore(): PolicyStore {
  return {
    inputs: [],
    identityAccounts: [],
    resourceAccounts: [],
    principals: [],
    groups: [],
    managed: [],
    resources: [],
    vpcEndpoints: [],
    orgs: [],
    sessionPolicies: [],
    blockPublicAccess: [],
    issues: [],
  };
}

function readJson(path: string): unknown {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) throw new UserError(`--policies ${path}: ${size} bytes is too large for a policy export; ${EXPECTED}`);
  const body = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(body) as unknown;
  } catch (err) {
    throw new UserError(`--policies ${path}: not JSON (${(err as Error).message}); ${EXPECTED}`);
  }
}

function addFile(store: PolicyStore, path: string): void {
  const json = readJson(path);
  if (isAuthorizationDetails(json)) {
    const part = authorizationDetails(json, path);
    store.inputs.push({ path, kind: 'authorization-details', accounts: part.accounts, ...exportDate(path, part.latestDate) });
    store.identityAccounts.push(...part.accounts);
    store.principals.push(...part.principals);
    store.groups.push(...part.groups);
    store.managed.push(...part.managed);
    store.issues.push(...part.issues);
    return;
  }
  if (isSessionPolicies(json)) {
    const part = sessionPolicies(json, path);
    store.inputs.push({ path, kind: 'session-policies', accounts: [], ...exportDate(path, null) });
    store.sessionPolicies.push(...part.policies);
    store.issues.push(...part.issues);
    return;
  }
  throw new UserError(`--policies ${path}: not a policy export; ${EXPECTED}`);
}

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** The segments an iam-collect store's folders are named by, when `dir` is a store (its root, or its aws/<partition> folder). */
function storeBase(dir: string): string[] | null {
  const areas = (d: string) => isDir(join(d, 'accounts')) || isDir(join(d, 'organizations'));
  if (isDir(join(dir, 'aws')) && readdirSync(join(dir, 'aws')).some((p) => areas(join(dir, 'aws', p)))) return [];
  if (areas(dir) && basename(join(dir, '..')) === 'aws') return ['aws', basename(dir)];
  return null;
}

function storeFolders(dir: string, segments: string[], out: StoreFolder[], issues: PolicyStore['issues']): void {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const files: Record<string, unknown> = {};
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) storeFolders(path, [...segments, e.name], out, issues);
    else if (e.isFile() && e.name.endsWith('.json')) {
      try {
        files[e.name] = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as unknown;
      } catch (err) {
        issues.push({ path, reason: `damaged JSON (${(err as Error).message}): left out` });
      }
    }
  }
  if (Object.keys(files).length > 0) out.push({ segments, files, path: dir });
}

function addStore(store: PolicyStore, dir: string, base: string[]): void {
  const folders: StoreFolder[] = [];
  storeFolders(dir, base, folders, store.issues);
  const part = iamCollectStore(folders);
  const accounts = [...new Set([...part.identityAccounts, ...part.resourceAccounts, ...part.orgs.flatMap((o) => Object.keys(o.accounts))])].sort();
  store.inputs.push({ path: dir, kind: 'iam-collect', accounts, ...exportDate(dir, part.latestDate) });
  const { latestDate: _date, issues, ...rest } = part;
  store.issues.push(...issues);
  for (const key of Object.keys(rest) as (keyof typeof rest)[]) (store[key] as unknown[]).push(...(rest[key] as unknown[]));
}

function addFolder(store: PolicyStore, dir: string): void {
  const base = storeBase(dir);
  if (base !== null) return addStore(store, dir, base);
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) addFolder(store, path);
    else if (e.isFile() && e.name.toLowerCase().endsWith('.json')) addFile(store, path);
  }
}

/** Every path read into one store; a path that does not exist, or a file that is no export, is a UserError naming it. */
export function loadPolicies(paths: string[]): PolicyStore {
  const store = emptyStore();
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UserError(`--policies ${path}: no such file or folder`);
    }
    if (stat.isDirectory()) addFolder(store, path);
    else addFile(store, path);
  }
  if (store.inputs.length === 0) throw new UserError(`--policies ${paths.join(' ')}: no policy export found; ${EXPECTED}`);
  store.identityAccounts = [...new Set(store.identityAccounts)].sort();
  store.resourceAccounts = [...new Set(store.resourceAccounts)].sort();
  return store;
}
