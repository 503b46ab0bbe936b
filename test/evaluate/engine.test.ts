// The engine is optional (AGPL-3.0-or-later): without it, --policies says so in one line.
import { describe, expect, it } from 'vitest';
import { ENGINE_PACKAGE, loadEngine } from '../../src/evaluate/engine.js';
import { UserError } from '../../src/errors.js';

describe('loadEngine', () => {
  it('loads @cloud-copilot/iam-simulate when it is installed', async () => {
    const engine = await loadEngine(ENGINE_PACKAGE, '0.1.173');
    expect(engine.label).toBe('@cloud-copilot/iam-simulate 0.1.173');
    expect(await engine.isWildcardOnlyAction('s3', 'ListAllMyBuckets')).toBe(true);
    expect(await engine.resourceTypes('cloudwatch', 'PutMetricData')).toEqual([
      { arn: 'arn:${Partition}:cloudwatch:${Region}:${Account}:dataset/${DatasetId}', required: false },
    ]);
  });

  it('says in one line what is missing and how to get it (as after npm install --omit=optional)', async () => {
    const err = await loadEngine('@cloud-copilot/iam-simulate-not-installed').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toBe(
      '--policies needs the optional package @cloud-copilot/iam-simulate-not-installed (AGPL-3.0-or-later), which is not installed (npm install --omit=optional leaves it out): install it with `npm install @cloud-copilot/iam-simulate-not-installed`, or leave out --policies',
    );
    expect((err as Error).message).not.toContain('\n');
  });

  it('refuses a package that is not the engine', async () => {
    await expect(loadEngine('vitest')).rejects.toThrow(/is an incompatible version \(no runSimulation\)/);
  });
});
