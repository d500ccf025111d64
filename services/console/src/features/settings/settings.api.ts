import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { answered } from '../../api/problem';
import type { paths } from '../../api/schema.gen';

export type EmailProvider =
  paths['/v1/settings/email-provider']['get']['responses'][200]['content']['application/json'];
export type EmailProviderChange =
  paths['/v1/settings/email-provider']['put']['requestBody']['content']['application/json'];
export type ProviderName = EmailProvider['provider'];
export type Template =
  paths['/v1/templates']['get']['responses'][200]['content']['application/json']['items'][number];
export type TemplateParts =
  paths['/v1/templates/{key}/{lang}']['put']['requestBody']['content']['application/json'];
export type DeliveryStatus = NonNullable<
  NonNullable<paths['/v1/notifications/deliveries']['get']['parameters']['query']>['status']
>;

export const providerNames: readonly ProviderName[] = ['smtp', 'postmark', 'log', 'none'];
export const deliveryStatuses: readonly DeliveryStatus[] = [
  'queued',
  'sent',
  'failed',
  'not_sent',
  'bounced',
];

export function isDeliveryStatus(value: string | undefined): value is DeliveryStatus {
  return (deliveryStatuses as readonly (string | undefined)[]).includes(value);
}

const providerKey = ['settings', 'email-provider'];
const templatesKey = ['settings', 'templates'];

export function useEmailProvider() {
  return useQuery({
    queryKey: providerKey,
    queryFn: () => answered(api.GET('/v1/settings/email-provider')),
  });
}

/** Saving or forgetting the settings: the answer is the provider now in use. */
export function useEmailProviderActions() {
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: providerKey });
  return {
    save: useMutation({
      // Its request holds the secret: dropped as soon as nothing watches it any more.
      gcTime: 0,
      mutationFn: (body: EmailProviderChange) =>
        answered(api.PUT('/v1/settings/email-provider', { body })),
      onSuccess: (saved) => queries.setQueryData(providerKey, saved),
    }),
    forget: useMutation({
      mutationFn: () => answered(api.DELETE('/v1/settings/email-provider')),
      onSuccess: refresh,
    }),
  };
}

export type ProviderActions = ReturnType<typeof useEmailProviderActions>;

export function useTemplates() {
  return useQuery({
    queryKey: templatesKey,
    queryFn: () => answered(api.GET('/v1/templates')),
    select: (list) => list.items,
  });
}

/** The API reads templates as a list only: one is taken from it. */
export function useTemplate(key: string, language: string) {
  return useQuery({
    queryKey: templatesKey,
    queryFn: () => answered(api.GET('/v1/templates')),
    select: (list) =>
      list.items.find((template) => template.key === key && template.language === language) ?? null,
  });
}

export function useTemplateActions(key: string, language: string) {
  const queries = useQueryClient();
  const path = { path: { key, lang: language } };
  const refresh = () => queries.invalidateQueries({ queryKey: templatesKey });
  return {
    save: useMutation({
      mutationFn: (body: TemplateParts) =>
        answered(api.PUT('/v1/templates/{key}/{lang}', { params: path, body })),
      onSuccess: refresh,
    }),
    restoreShipped: useMutation({
      mutationFn: () => answered(api.DELETE('/v1/templates/{key}/{lang}', { params: path })),
      onSuccess: refresh,
    }),
    preview: useMutation({
      mutationFn: (body: TemplateParts) =>
        answered(api.POST('/v1/templates/{key}/{lang}/preview', { params: path, body })),
    }),
  };
}

export type TemplateActions = ReturnType<typeof useTemplateActions>;

interface DeliveryFilters {
  to: string | undefined;
  status: DeliveryStatus | undefined;
  cursor: string | undefined;
}

export function useDeliveries(filters: DeliveryFilters) {
  return useQuery({
    queryKey: ['settings', 'deliveries', filters],
    placeholderData: keepPreviousData,
    queryFn: () =>
      answered(api.GET('/v1/notifications/deliveries', { params: { query: filters } })),
  });
}
