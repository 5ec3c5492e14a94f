import { defineModule } from '../module';
import { voucherSalesHandlers } from './handlers';
import { m0020VoucherSales } from './migrations/0020-voucher-sales';

/**
 * Voucher stock and sales (issue 11 §4): selling vouchers for money (payments' other income, so it is in the
 * day's collections and the cashier's drawer), agents (resellers) buying from a prepaid float at a discount,
 * and the stock and revenue reports. Vouchers themselves stay the hotspot domain's; a sale only records them.
 */
export const voucherSalesModule = defineModule({
  name: 'voucher-sales',
  owns: { tenant: ['agents', 'agentLedger', 'voucherSales', 'voucherSaleItems', 'voucherStockThresholds'] },
  tenantMigrations: { '0020-voucher-sales': m0020VoucherSales },
  handlers: voucherSalesHandlers,
});
