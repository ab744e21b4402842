// The renderer reads its Dutch texts from the one catalogue in core/i18n.
export { nl as t } from '../../core/i18n/nl';
export { formatLongDate, formatMoment, formatShortDate } from '../../core/i18n/formatDate';
export { ownerLabel } from '../../core/i18n/ownerLabel';
