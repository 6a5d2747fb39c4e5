import type { Lang } from '../../schemas/registries';
import { getCollection } from 'astro:content';
import { contentFiles, germanFiles } from './files';
import { loadGermanPortData, loadPortData } from './load-port-data';
import { assembleTroubleshooting, translateTroubleshooting, type Symptom } from './troubleshooting';
import {
  checkGermanTroubleshootingTexts,
  completeTexts,
  type GermanTroubleshootingTexts,
} from './translations';

let cached: Promise<{ symptoms: Symptom[]; german: GermanTroubleshootingTexts }> | undefined;

/**
 * "Calls failing?", checked against the rules, and its German texts, checked against it, once
 * per build. Every build renders the overview in both languages, so a gap fails every build.
 */
function loadBothEditions(): Promise<{ symptoms: Symptom[]; german: GermanTroubleshootingTexts }> {
  cached ??= (async () => {
    const [entries, deEntries, data] = await Promise.all([
      getCollection('troubleshooting'),
      getCollection('deTroubleshooting'),
      loadPortData(),
    ]);
    const records = entries.map((entry) => entry.data);
    const symptoms = assembleTroubleshooting(records, data, contentFiles.troubleshooting);
    const german = completeTexts(
      checkGermanTroubleshootingTexts(
        records,
        deEntries.map((entry) => entry.data),
        { english: contentFiles.troubleshooting, german: germanFiles.troubleshooting },
      ),
    );
    return { symptoms, german };
  })();
  return cached;
}

/** The symptoms of "Calls failing?" in a page's language. */
export async function loadTroubleshootingIn(lang: Lang): Promise<Symptom[]> {
  const { symptoms, german } = await loadBothEditions();
  return lang === 'de' ? translateTroubleshooting(symptoms, german, await loadGermanPortData()) : symptoms;
}
