import type { voucherSalesChannels } from '@shared/contract/voucher-sales';
import type { HandlersFor } from '../rpc/handlers';
import { adjustAgent, agentStatement, createAgent, listAgents, reverseAgentEntry, topUpAgent, updateAgent } from './agents';
import { exportVoucherCsv } from './csv';
import { listSales, revenueReport, setThreshold, stockReport } from './reports';
import { previewSale, sellVouchers } from './sell';

type Channels = Extract<keyof typeof voucherSalesChannels, string>;

export const voucherSalesHandlers: HandlersFor<Channels> = {
  'vouchers.sell': (i, ctx) => sellVouchers(ctx, i),
  'vouchers.sell.preview': (i, ctx) => previewSale(ctx, i),
  'vouchers.sales.list': (q, ctx) => listSales(ctx, q),
  'vouchers.stock': (q, ctx) => stockReport(ctx, q),
  'vouchers.stock.threshold': (i, ctx) => setThreshold(ctx, i),
  'vouchers.revenue': (i, ctx) => revenueReport(ctx, i),
  'vouchers.export.csv': (i, ctx) => exportVoucherCsv(ctx, i),
  'agents.list': (q, ctx) => listAgents(ctx, q),
  'agents.create': (i, ctx) => createAgent(ctx, i),
  'agents.update': (i, ctx) => updateAgent(ctx, i),
  'agents.top-up': (i, ctx) => topUpAgent(ctx, i),
  'agents.adjust': (i, ctx) => adjustAgent(ctx, i),
  'agents.reverse': (i, ctx) => reverseAgentEntry(ctx, i),
  'agents.statement': (i, ctx) => agentStatement(ctx, i),
};
