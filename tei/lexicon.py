"""The words the name finders know that are not names: honorifics, offices and titles,
generational suffixes, and capitalised words that stand where a name could but are none.

One home for every such list, so the parser, the person annotator, the finder of
unregistered names and the register reader use the same words. The lists differ in
purpose (a title that precedes a name, a word that never is a forename), so they stay
separate lists here. Month and weekday names are the dates' (:mod:`tei.date_words`).
"""

from __future__ import annotations

import re

from tei.date_words import MONTH_NAMES, WEEKDAYS

# -- titles and honorifics ------------------------------------------------------------------

# Titles before a name, as a regular expression alternation (the unregistered-name finder
# takes the capitalised words after one as a name).
TITLES = (
    r"Comrades?|comrades?|Com\.|com\.|Comr\.|comrs?\.|Cdes?\.|Mr\.?|Mrs\.?|Ms\.|Mme\.?|Madame|"
    r"Mlle\.?|Miss|Dr\.?|Sir|Lord|Lady|President|Premier|Chairman|Secretary|Ambassador|"
    r"General|Gen\.|Marshal|Minister|Senator|Sen\.|Chancellor|Governor|Gov\.|Admiral|Adm\.|"
    r"Colonel|Col\.|Captain|Capt\.|Major|Maj\.|Lieutenant|Lt\.|Mayor|Professor|Prof\.|"
    r"Monsieur|Herr|Frau|Señor|Senor|Don|Dona|Chargé d'Affaires|Charge d'Affaires|Father"
)
# The title before each name of a distribution list ("1 - Cde. Berg"), as an alternation.
DISTRIBUTION_TITLES = r"Comrades?|Cdes?\.?|Com\.|Comr\."
# The titles that may open a speaker's label ("Cde. Berg:"), each with an optional period,
# as an alternation.
SPEAKER_TITLES = r"Cdes?|Comrades?|Com|Comr|Mr|Mme|Mrs|Dr"
# Words of an office title that may stand between an honorific and a name
# ("Assistant Secretary of State Okonkwo").
TITLE_LINKS = frozenset(
    {"of", "state", "defense", "defence", "foreign", "affairs", "the", "treasury", "interior",
     "soviet", "american", "french", "british", "german", "cuban", "west", "east", "union",
     "usa", "ussr", "u.s."})
# Courtesy words that say whether a woman or a man is meant ("Mme. Harlan", "Mr. Harlan").
FEMALE_COURTESY = frozenset(
    {"mrs", "ms", "mme", "madame", "mlle", "miss", "frau", "lady", "senora", "dona", "madam",
     "signora", "mademoiselle"})
MALE_COURTESY = frozenset({"mr", "monsieur", "herr", "sir", "lord", "senor", "don", "signor"})

# -- generational suffixes ------------------------------------------------------------------

# A suffix that tells a son from his father ("Emil Tandor, Jr."), written with or without
# its period; part of the name in a register.
GENERATIONAL_SUFFIXES = ("Jr", "Sr", "Jnr", "Snr", "II", "III", "IV")
# After a name in running text only these are taken as its suffix: ``Jr.`` and ``Sr.``
# with their period, ``II`` and ``III``; the suffix is the group.
SUFFIX_AFTER_MENTION = re.compile(r",?[ \t]?((?:Jr|Sr)\.|I{2,3}(?![\w]))")

# -- words that are not names ---------------------------------------------------------------

# A name followed by one of these names an institution, a place or a policy, not a person.
INSTITUTION_AFTER = re.compile(
    r"\s+(?:Library|Libraries|Center|Centre|Foundation|Institute|Administration|"
    r"Airport|Doctrine|Plan|Line|Round|Prize|Museum|University|College|School|Street|"
    r"Avenue|Square|Bridge|Hall|Memorial|Archives?|Papers|Collection|Boulevard|Station)\b")
# Words in capitals that make a line of the closer a heading or a classification, not a
# signer's name.
NOT_SIGNER_CAPS = frozenset(
    {"SECRET", "TOP", "CONFIDENTIAL", "URGENT", "END", "NOTES", "EDITOR", "COPY", "XXX"})
# The first word of a "Word:" label that is a field of the document, not a speaker.
NOT_SPEAKERS = frozenset({
    "note", "ref", "re", "subject", "date", "place", "time", "to", "from", "source", "summary",
    "translator's", "translator’s", "comment", "answer", "question", "reference", "attention",
    "copy", "copies", "received", "dispatched", "arrived", "processed", "contents", "citation",
})

# Capitalised words after a title that make it an office or a body, not a person; the
# month and weekday names among them.
NOT_NAMES = frozenset(
    """President Premier Chairman Secretary Ambassador General Minister Marshal Senator
    Chancellor Governor Admiral Colonel Captain Major Lieutenant Mayor Assembly Council
    Committee Staff Staffs Department Ministry Embassy Government State States Nations
    Union Republic Affairs Office Party Army Navy Forces Command House Senate Congress
    Secretariat Headquarters Commission Conference Court Bank Treaty Agreement Pact
    Soviet American French German
    British Cuban Chinese Polish Czech Czechoslovak Hungarian Bulgarian Korean Vietnamese
    Russian English Italian Turkish Western Eastern Northern Southern The A An And Of In On
    To For With By At From Defense Defence Foreign Interior Deputy Under Assistant Vice
    Prime Attorney Acting Secretary-General Chief Director Red Cross United Kingdom Moscow
    Washington Berlin Paris London Bonn Havana Peking Beijing Warsaw Prague Cuba Europe USA
    USSR UN NATO Sir Lord Mr Mrs Dr Comrade Comrades Excellency Highness Majesty Holiness
    TOP SECRET URGENT COPY NO CONFIDENTIAL PRIORITY EYES ONLY TELEGRAM CIPHERED SIGNATURE
    MINISTRY FOREIGN AFFAIRS EMBASSY USSR USA UN US If It Is SUBJECT PARTICIPANTS PRESENT
    OTHERS MEMORANDUM CONVERSATION RECORD TRANSLATION ORIGINAL SUMMARY NOTE NOTES DRAFT
    SECRET CONFIDENTIAL UNCLASSIFIED LIMITED OFFICIAL EXCERPT ATTACHMENT ENCLOSURE
    JOURNAL REPORT CABLE MESSAGE LETTER STATEMENT PLACE DATE TIME Privy Seal""".split()
) | frozenset(MONTH_NAMES) | frozenset(WEEKDAYS)

# Words that precede a name as an honorific or office; a register variant such as
# "President Harlan" contributes them as a hint for that person, not as part of a name.
HONORIFIC_WORDS = frozenset(
    """comrade comrades com comr comrs cde cdes mr mrs ms mme madame mlle miss dr sir lord
    lady president premier chairman secretary ambassador general gen marshal minister
    senator chancellor governor admiral colonel col captain capt major lieutenant lt
    prime vice deputy under assistant attorney foreign acting prince princess king queen
    mayor professor prof father reverend rev monsieur herr frau senor señor don dona
    chargé charge d'affaires generalissimo emperor shah pope cardinal judge justice
    director amb ambs sec secy pres adm sen gov asst dep rep""".split()
)


def is_honorific(word: str) -> bool:
    """``Ambassador``, ``Amb.``, ``Ambassadors``, ``Cdes.``: a title, not a name."""
    bare = word.lower().rstrip(".")
    return bare in HONORIFIC_WORDS or (bare.endswith("s") and bare[:-1] in HONORIFIC_WORDS)


# Words before an office in a note that mean the person did not hold it himself.
NOT_HELD = {"the", "a", "an", "vice", "deputy", "assistant", "under", "to", "for", "acting",
            "former", "ex", "of"}
# Honorifics that say nothing about which office a person held.
COURTESY = {"mr", "mrs", "ms", "mme", "madame", "mlle", "miss", "dr", "sir", "comrade",
            "comrades", "com", "comr", "comrs", "cde", "cdes", "monsieur", "herr", "frau",
            "senor", "don", "dona", "lord", "lady"}
# Capitalised words that open a sentence or qualify a name without being a forename.
NOT_FORENAMES = NOT_NAMES | {
    "When", "If", "But", "As", "After", "Before", "Then", "Both", "While", "Since", "That",
    "This", "Yes", "No", "Only", "Also", "Later", "Now", "Here", "There", "Where", "Why",
    "How", "What", "Which", "Who", "Whom", "Whose", "Although", "Though", "Because", "So",
    "Today", "Tomorrow", "Yesterday", "Let", "Dear", "Esteemed", "Respected", "Said",
    "Told", "Asked", "Cables", "Cable", "From", "To", "Dispatch", "Copy", "Copies", "Called",
}
