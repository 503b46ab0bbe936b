// --principal matches what people have at hand: the ARN, a bare name, a session's name, or the
// session ARN AWS's own messages print (`arn:aws:sts::…:assumed-role/R/session`).
import { describe, expect, it } from 'vitest';
import { NO_FILTER, compileFilter, denialPasses, unmatchedFilters } from '../../src/aggregate/record-filter.js';
import { denial } from '../helpers/denial.js';

const ROLE = denial({ principal: 'arn:aws:iam::111122223333:role/contractors/contractor-bob', principalType: 'AssumedRole', sessionName: 'bob@laptop' });
const OTHER_SESSION = denial({ ...ROLE, sessionName: 'ci-run-7' });
const USER = denial({ principal: 'arn:aws:iam::111122223333:user/ops/alice', principalType: 'IAMUser', sessionName: null });
const FEDERATED = denial({ principal: 'arn:aws:sts::111122223333:federated-user/dana', principalType: 'FederatedUser', sessionName: null });
const SERVICE = denial({ principal: 'lambda.amazonaws.com', principalType: 'AWSService', sessionName: null });
const ROOT = denial({ principal: 'arn:aws:iam::111122223333:root', principalType: 'Root', sessionName: null });
const ALL = [ROLE, OTHER_SESSION, USER, FEDERATED, SERVICE, ROOT];

const matching = (...globs: string[]) => {
  const f = compileFilter({ ...NO_FILTER, principals: globs });
  return ALL.filter((d) => denialPasses(d, f));
};

describe('--principal', () => {
  it('matches the full ARN, as before', () => {
    expect(matching('arn:aws:iam::111122223333:role/contractors/contractor-bob')).toEqual([ROLE, OTHER_SESSION]);
    expect(matching('*:user/*')).toEqual([USER]);
  });

  it('matches a bare name: the last path segment of a user, role or federated user ARN (any case)', () => {
    expect(matching('contractor-bob')).toEqual([ROLE, OTHER_SESSION]);
    expect(matching('Alice')).toEqual([USER]);
    expect(matching('dana')).toEqual([FEDERATED]);
    expect(matching('contractor-*')).toEqual([ROLE, OTHER_SESSION]);
    expect(matching('lambda.amazonaws.com')).toEqual([SERVICE]);
    expect(matching('root')).toEqual([ROOT]);
  });

  it('matches a session by its name', () => {
    expect(matching('bob@laptop')).toEqual([ROLE]);
    expect(matching('ci-run-*')).toEqual([OTHER_SESSION]);
  });

  it("matches the session ARN AWS's messages print (its denials stay in the role's group)", () => {
    expect(matching('arn:aws:sts::111122223333:assumed-role/contractor-bob/bob@laptop')).toEqual([ROLE]);
    expect(matching('arn:aws:sts::111122223333:assumed-role/contractor-bob/*')).toEqual([ROLE, OTHER_SESSION]);
    expect(matching('arn:aws:sts::444455556666:assumed-role/contractor-bob/bob@laptop')).toEqual([]);
  });

  it('does not match a part of a name', () => {
    expect(matching('bob')).toEqual([]);
    expect(matching('contractors')).toEqual([]);
  });
});

describe('filters that matched nothing', () => {
  it('are named, each once, whatever the other filters did', () => {
    const f = compileFilter({ ...NO_FILTER, since: Date.parse('2030-01-01T00:00:00Z'), principals: ['contractor-bob', 'nobody'], actions: ['s3:*', 'ec2:*'] });
    for (const d of ALL) denialPasses(d, f);
    expect(unmatchedFilters(f)).toEqual([
      { option: '--principal', glob: 'nobody' },
      { option: '--action', glob: 'ec2:*' },
    ]);
  });

  it('are none without filters', () => {
    const f = compileFilter(NO_FILTER);
    for (const d of ALL) denialPasses(d, f);
    expect(unmatchedFilters(f)).toEqual([]);
  });
});
