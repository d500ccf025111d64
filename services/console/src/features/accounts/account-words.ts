import { useTranslation } from 'react-i18next';
import { isAccountType } from '../customers/invite-rules';
import { isLevel, isLicence, isRelation } from './account-rules';

/**
 * An account's enumerated fields in words. The API answers them as plain strings; a value this
 * console does not know yet is shown as the API spelled it rather than hidden.
 */
export function useAccountWords() {
  const { t } = useTranslation('accounts');
  return {
    type: (type: string) => (isAccountType(type) ? t(`type.${type}`) : type),
    licence: (licence: string) => (isLicence(licence) ? t(`licence.${licence}`) : licence),
    level: (level: string | null) =>
      level === null ? t('level.none') : isLevel(level) ? t(`level.${level}`) : level,
    relation: (relation: string | null) =>
      relation === null
        ? t('field.none')
        : isRelation(relation)
          ? t(`relation.${relation}`)
          : relation,
    status: (status: string) =>
      status === 'active' || status === 'suspended' ? t(`accountStatus.${status}`) : status,
  };
}
