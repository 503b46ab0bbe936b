// Loads the message fixture table shared by the grammar tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Category, DenyKind, PolicyType } from '../../src/types.js';

export interface MessageFixture {
  message: string;
  errorCode: string;
  note?: string;
  source?: string; // where the shape was seen (rows added since issue 15 carry one)
  record?: Record<string, unknown>;
  expected: {
    category: Category;
    denyKind: DenyKind;
    policyType: PolicyType;
    action: string;
    policyArn: string | null;
    resource?: string | null;
    hints: string[];
    recognized: boolean;
  };
}

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/classify/', import.meta.url));

export function loadMessageFixtures(): MessageFixture[] {
  return readFileSync(`${FIXTURE_DIR}messages.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as MessageFixture);
}
