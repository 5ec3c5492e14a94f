/** English strings of the installation fee and package change dialogs on the subscriber page. */
export const walletPolicyEn = {
  fee: {
    open: 'Installation fee',
    title: 'Charge an installation fee to {{name}}',
    body: 'A one-off debit on the wallet. The next payments pay it first; only the rest buys periods of the package.',
    confirm: 'Charge fee',
    doneTitle: 'Installation fee charged',
    doneBody: 'Balance now {{balance}}.',
  },
  change: {
    open: 'Change package',
    title: 'Change the package of {{name}}',
    package: 'New package',
    packagePlaceholder: 'Choose a package',
    policy: 'When',
    policyName: { 'next-renewal': 'At next renewal', 'now-pro-rata': 'Now, with pro-rata credit' },
    policyHint: {
      'next-renewal': 'The new package applies now; no money moves and the expiry stays. The next period is bought at the new price.',
      'now-pro-rata': 'The unused time of the current package is credited to the wallet, then the new package is bought from now.',
    },
    computing: 'Working out the change…',
    credit: 'Credit for unused time',
    periods: 'Periods of {{name}} bought now',
    balanceBefore: 'Wallet now',
    balanceAfter: 'Wallet after',
    expiryBefore: 'Expires now',
    expiryAfter: 'Expires after',
    short: 'The wallet is {{amount}} short of one period of {{name}}: changing now would cut this subscriber off. Record a payment first, or choose "At next renewal".',
    confirm: 'Change package',
    doneTitle: 'Package changed',
    doneBody: 'Now on {{name}}, expires {{when}}. Wallet {{balance}}.',
  },
};
