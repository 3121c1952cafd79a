"""The words the name finders know that are not names: honorifics, offices and titles,
and capitalised words that stand where a name could but are none.

One home for every such list, so the person annotator, the finder of unregistered names
and the register reader use the same words. The lists differ in purpose (a title that
precedes a name, a word that never is a forename), so they stay separate lists here.
"""

from __future__ import annotations

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
# -- words that are not names ---------------------------------------------------------------

# Capitalised words after a title that make it an office or a body, not a person.
NOT_NAMES = frozenset(
    """President Premier Chairman Secretary Ambassador General Minister Marshal Senator
    Chancellor Governor Admiral Colonel Captain Major Lieutenant Mayor Assembly Council
    Committee Staff Staffs Department Ministry Embassy Government State States Nations
    Union Republic Affairs Office Party Army Navy Forces Command House Senate Congress
    Secretariat Headquarters Commission Conference Court Bank Treaty Agreement Pact
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Soviet American French German
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
)

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
