import type { voucherTemplatesChannels } from '@shared/contract/voucher-templates';
import type { HandlersFor } from '../rpc/handlers';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, previewTemplate, templatePdf, updateTemplate } from './voucher-template-service';

type Channels = Extract<keyof typeof voucherTemplatesChannels, string>;

export const voucherTemplateHandlers: HandlersFor<Channels> = {
  'hotspot.templates.list': (q, ctx) => listTemplates(ctx, q),
  'hotspot.templates.get': (i, ctx) => getTemplate(ctx, i.templateId),
  'hotspot.templates.create': (i, ctx) => createTemplate(ctx, i),
  'hotspot.templates.update': (i, ctx) => updateTemplate(ctx, i),
  'hotspot.templates.delete': (i, ctx) => deleteTemplate(ctx, i.templateId),
  'hotspot.templates.preview': (i, ctx) => previewTemplate(ctx, i),
  'hotspot.templates.pdf': (i, ctx) => templatePdf(ctx, i),
};
