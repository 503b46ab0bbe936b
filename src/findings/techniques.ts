// The ATT&CK techniques findings name (MITRE ATT&CK Enterprise, IaaS; https://attack.mitre.org/techniques/T1562/008/
// for T1562.008). Names and tactics as ATT&CK writes them.
import type { AttackTechnique } from '../types.js';

export const TECHNIQUES = {
  cloudServiceDiscovery: { id: 'T1526', name: 'Cloud Service Discovery', tactic: 'Discovery' },
  cloudInfrastructureDiscovery: { id: 'T1580', name: 'Cloud Infrastructure Discovery', tactic: 'Discovery' },
  passwordGuessing: { id: 'T1110.001', name: 'Brute Force: Password Guessing', tactic: 'Credential Access' },
  passwordSpraying: { id: 'T1110.003', name: 'Brute Force: Password Spraying', tactic: 'Credential Access' },
  cloudAccounts: { id: 'T1078.004', name: 'Valid Accounts: Cloud Accounts', tactic: 'Initial Access' },
  trustedRelationship: { id: 'T1199', name: 'Trusted Relationship', tactic: 'Initial Access' },
  disableCloudLogs: { id: 'T1562.008', name: 'Impair Defenses: Disable or Modify Cloud Logs', tactic: 'Defense Evasion' },
  disableTools: { id: 'T1562.001', name: 'Impair Defenses: Disable or Modify Tools', tactic: 'Defense Evasion' },
  cloudCredentials: { id: 'T1098.001', name: 'Account Manipulation: Additional Cloud Credentials', tactic: 'Persistence' },
  cloudRoles: { id: 'T1098.003', name: 'Account Manipulation: Additional Cloud Roles', tactic: 'Persistence' },
  createCloudAccount: { id: 'T1136.003', name: 'Create Account: Cloud Account', tactic: 'Persistence' },
  unsecuredCredentials: { id: 'T1552', name: 'Unsecured Credentials', tactic: 'Credential Access' },
  cloudSecrets: { id: 'T1555.006', name: 'Credentials from Password Stores: Cloud Secrets Management Stores', tactic: 'Credential Access' },
  transferToCloudAccount: { id: 'T1537', name: 'Transfer Data to Cloud Account', tactic: 'Exfiltration' },
  hierarchy: { id: 'T1666', name: 'Modify Cloud Resource Hierarchy', tactic: 'Defense Evasion' },
  dataDestruction: { id: 'T1485', name: 'Data Destruction', tactic: 'Impact' },
  inhibitRecovery: { id: 'T1490', name: 'Inhibit System Recovery', tactic: 'Impact' },
  computeHijacking: { id: 'T1496.001', name: 'Resource Hijacking: Compute Hijacking', tactic: 'Impact' },
} as const satisfies Record<string, AttackTechnique>;

export type TechniqueKey = keyof typeof TECHNIQUES;
