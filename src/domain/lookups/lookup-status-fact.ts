/** The fact rules use to ask how a source's lookup went (`params.source` names it). */
export const LOOKUP_STATUS_FACT = 'lookupStatus';
