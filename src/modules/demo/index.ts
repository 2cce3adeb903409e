/** The demo mission: organisations, accounts and illustrative records. */
export { seedDemo, resetToDemo, isEmpty, type DemoResult } from './demo.service.ts';
export { DEMO_ORGANISATIONS, DEMO_USERS } from './organisations.ts';
