import { useTranslation } from 'react-i18next';
import { useViewer } from '../../accounts/useViewer';
import { GroupSuggestions } from './GroupSuggestions';

/** The start page's suggestions: only for someone signed in (the start page loads this after its first paint). */
export default function SuggestionsForViewer() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  return viewer ? <GroupSuggestions title={t('groups.suggestions')} /> : null;
}
