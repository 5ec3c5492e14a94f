import type { voucherTemplatesChannels } from '@shared/contract/voucher-templates';
import type { HandlersFor } from '../rpc/handlers';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, previewTemplate, templatePdf, updateTemplate } from './voucher-template-service';

type Channels = Extract<keyof typeof voucherTemplatesChannels, string>;

export const voucherTemplateHandlers: HandlersFor<Channels> = {
  'voucher-templates.list': (q, ctx) => listTemplates(ctx, q),
  'voucher-templates.get': (i, ctx) => getTemplate(ctx, i.templateId),
  'voucher-templates.create': (i, ctx) => createTemplate(ctx, i),
  'voucher-templates.update': (i, ctx) => updateTemplate(ctx, i),
  'voucher-templates.delete': (i, ctx) => deleteTemplate(ctx, i.templateId),
  'voucher-templates.preview': (i, ctx) => previewTemplate(ctx, i),
  'voucher-templates.pdf': (i, ctx) => templatePdf(ctx, i),
};
