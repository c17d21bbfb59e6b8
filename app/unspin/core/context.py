"""Does a word's slot in the sentence fit a function word rather than the word itself?

A spinner swaps words one by one and leaves the grammar of the original: a preposition's
slot keeps its object ("successful the city", "astatine least"), an auxiliary's slot its
verb ("whitethorn be", "tin see"), an article's slot its noun ("nan president"). These
small closed-class rules judge the slot from the words around it (mostly the neighbours;
two back and four ahead at most); they need no tagger and no statistics, and stay quiet
when in doubt (a flag needs more than this). A slot where the word reads as itself ("the
pinch", "was successful this summer") vetoes every role.
"""

from __future__ import annotations

from dataclasses import dataclass

MODALS = frozenset("may might can could will would shall should must".split())
DETERMINERS = frozenset("the a an this that these those some any no every each all both either neither "
                        "another such my your his her its our their whose what which several various "
                        "certain numerous many few much more most less".split())
OBJECT_PRONOUNS = frozenset("me you him her it us them myself himself herself itself ourselves "
                            "themselves one someone something everyone everything anyone anything "
                            "nothing nobody".split())
PREPOSITIONS = frozenset("about above across after against along among around as at before behind "
                         "below beneath beside between beyond by despite during except for from in "
                         "inside into like near of off on onto out outside over past since through "
                         "throughout till to toward towards under until upon via with within "
                         "without".split())
CONJUNCTIONS = frozenset("and or but nor because although though if unless while whereas when where "
                         "that than".split())
BE_FORMS = frozenset("is are was were am been being be".split())
AUXILIARIES = MODALS | BE_FORMS | frozenset("have has had do does did not".split())
SUBJECT_PRONOUNS = frozenset("i you he she it we they".split())
ADVERBS = frozenset("just only also even still very too quite almost already yet again ever never "
                    "rather nearly merely simply".split())
_ARTICLES = frozenset("the a an this that these those some any no every each my your his her its our "
                       "their".split())
#: Words that follow a preposition in fixed phrases but never an adjective or a noun.
_AFTER_PREPOSITION = frozenset("least most first last once well soon addition fact particular "
                               "order front general short just only nearly almost though if one two "
                               "three four five six seven eight nine ten hundred thousand million".split())
_AFTER_MODAL = frozenset("be have not also still never only now soon then well likely".split())
_FINITE_AUXILIARIES = MODALS | frozenset("is are was were am has have had does did".split())
_INTENSIFIERS = frozenset("very most more less so too highly quite rather".split())
#: Verbs that take an adjective as their complement ("proved successful", "became successful")
#: and hardly ever a place ("remained in", "appeared in" are common: they are left out).
LINKING_VERBS = frozenset("become becomes became becoming seem seems seemed seeming prove proves "
                          "proved proven proving".split())

ROLES = (("modal", MODALS), ("be", frozenset({"be"})), ("have", frozenset("have has had".split())),
         ("determiner", DETERMINERS), ("preposition", PREPOSITIONS), ("adverb", ADVERBS),
         ("pronoun", SUBJECT_PRONOUNS))


@dataclass(frozen=True)
class Slot:
    """The neighbours of a word within its clause (None across punctuation)."""

    prev: str | None
    next: str | None
    sentence_start: bool
    digit_next: bool  # a number follows ("in 2019", "at 10 am")
    after_next: str | None = None  # the word after the next one
    next_as_written: str | None = None  # the next word as the text has it (next may be its original)
    before_prev: str | None = None  # the word before the previous one
    next_words: tuple[str, ...] = ()  # up to four words that follow in the clause (originals)

    def describe(self) -> str:
        """The neighbours as the reader sees them, for a reason sentence."""
        if self.digit_next:
            return "before a number"
        if self.next:
            return f"before '{self.next_as_written or self.next}'"
        return f"after '{self.prev}'" if self.prev else "at the start of a sentence"


def role_of(word: str) -> str:
    """The grammatical role of a function word: 'preposition', 'modal', ... or ''."""
    return next((role for role, words in ROLES if word in words), "")


def fits_role(role: str, slot: Slot, word: str) -> bool:
    """Whether *slot* reads as the function word's role rather than as *word* itself."""
    check = _CHECKS.get(role)
    return bool(check and not reads_as_itself(slot, word) and check(slot, word))


def rules_out(role: str, slot: Slot) -> bool:
    """Whether the next word rules the function word out: a preposition before a finite
    auxiliary ("Astatine is the rarest": "at is"), a modal before a word that is neither a
    verb's dictionary form nor an adverb ("whitethorn hedges": "may hedges")."""
    nxt = _lower(slot.next)
    if not nxt or slot.digit_next:
        return False
    if role == "preposition":
        return nxt in _FINITE_AUXILIARIES
    if role == "modal":
        return not is_closed_class(nxt) and not _is_verb_lemma(nxt) and not _can_be(nxt, "r")
    return False


def reads_as_itself(slot: Slot, word: str) -> bool:
    """A slot where *word* reads as the content word it is, not a function word's stand-in:
    after an article, a possessive or an intensifier ("the pinch", "the company's successful",
    "most successful"); an adjective after a linking verb ("proved successful"), or after "be"
    (or an adverb after it) when a time phrase follows ("was hugely successful this summer")."""
    prev = _lower(slot.prev)
    if not slot.next and not slot.digit_next:
        return True  # the clause ends: no object, no verb follows
    # ("that" is as often a conjunction: "said that nan Biden")
    if (prev in _ARTICLES and prev != "that") or prev in _INTENSIFIERS or _possessive(prev):
        return True
    if not _can_be(word, "a"):
        return False  # "is arsenic if", "was astatine least": a noun does not follow "be" bare
    if prev in LINKING_VERBS:
        return True
    # "was successful the city" is what a spinner makes of "was in the city"
    return after_be(slot) and _time_phrase(slot.next_words)


def after_be(slot: Slot) -> bool:
    """The word follows a form of "be" or a linking verb, perhaps with an -ly adverb between
    ("was successful", "was hugely successful", "became successful")."""
    prev, before = _lower(slot.prev), _lower(slot.before_prev)
    return prev in BE_FORMS | LINKING_VERBS or (before in BE_FORMS | LINKING_VERBS
                                                and _is_manner_adverb(prev))


def _time_phrase(words: tuple[str, ...]) -> bool:
    """A noun phrase of time: "this summer", "the following year", "the last three years"."""
    words = tuple(w.lower() for w in words)
    if not words or (words[0] not in DETERMINERS and not _is_time_noun(words[0])):
        return False
    for w in words[:4]:
        if _is_time_noun(w):
            return True
        if _is_noun(w) or (is_closed_class(w) and w not in DETERMINERS):
            return False  # the head is another noun: "the city", "the war"
    return False


def _possessive(word: str) -> bool:
    """A noun's possessive ("company's"), not a pronoun's contraction ("it's", "that's")."""
    word = word.replace("’", "'")
    return word.endswith("'s") and len(word) > 3 and not is_closed_class(word) \
        and word[:-2] not in SUBJECT_PRONOUNS | CONJUNCTIONS | {"what", "who", "there", "here", "let"}


def _is_manner_adverb(word: str) -> bool:
    """An -ly adverb ("hugely", "largely"), not a focusing one ("only", "just", "also")."""
    return word.endswith("ly") and word not in ADVERBS and _can_be(word, "r")


def _lower(w: str | None) -> str:
    return w.lower() if w else ""


def _preposition(slot: Slot, word: str) -> bool:
    nxt, prev = _lower(slot.next), _lower(slot.prev)
    if _can_be(word, "v") and (word.endswith(("ed", "ing")) or slot.sentence_start or prev == "to"
                               or prev in MODALS or prev in SUBJECT_PRONOUNS):
        return False  # "connected the towns", "to dispatch a frame": a verb takes an object too
    if slot.digit_next or nxt in DETERMINERS or nxt in OBJECT_PRONOUNS or nxt in _AFTER_PREPOSITION \
            or nxt in SUBJECT_PRONOUNS:  # "as we", "as it" (a conjunction's slot)
        return True
    if nxt in ("and", "or") and _lower(slot.after_next) in PREPOSITIONS:
        return True  # "in and around", "at or near"
    # "... successful Ukraine": a name after it, unless the word is used as an adjective
    capital_next = bool(slot.next) and slot.next[:1].isupper() and nxt != "i"
    return capital_next and bool(prev) and prev not in DETERMINERS | BE_FORMS | _INTENSIFIERS \
        and prev not in CONJUNCTIONS  # "if successful Note that ...": a new clause may follow


def _determiner(slot: Slot, word: str) -> bool:
    nxt, prev = _lower(slot.next), _lower(slot.prev)
    if not nxt or nxt in AUXILIARIES or nxt in PREPOSITIONS or nxt in CONJUNCTIONS or nxt in _ARTICLES:
        return False  # (but "the most", "the few": quantifiers follow an article)
    if (prev in _ARTICLES and prev != "that") or prev in _INTENSIFIERS or _can_be(word, "a"):
        return False  # "an extraordinary step": an adjective stands before a noun too
    if _can_be(word, "r"):  # an adverb before a noun is out of place: "remove wholly items"
        # ... but not before a number: "damaged approximately 40 homes"
        return not slot.digit_next and nxt.islower() and _is_noun(nxt)
    return True


def _modal(slot: Slot, _word: str) -> bool:
    nxt, prev = _lower(slot.next), _lower(slot.prev)
    if not nxt or prev in DETERMINERS or prev in PREPOSITIONS or prev in _INTENSIFIERS:
        return False
    return nxt in _AFTER_MODAL or (not is_closed_class(nxt) and _is_base_verb(nxt))


def _be(slot: Slot, word: str) -> bool:
    nxt, prev = _lower(slot.next), _lower(slot.prev)
    if _is_verb_lemma(word) or (nxt.islower() and _is_noun(nxt)):
        return False  # "could cost the economy": a verb after a modal; "to beryllium dust": a noun
    after_modal = prev in MODALS or prev in ("to", "not", "cannot", "won't")
    if after_modal and nxt and nxt not in AUXILIARIES and nxt not in CONJUNCTIONS:
        return True
    # "would initially beryllium utilized": a passive participle after it
    return nxt.endswith("ed") and len(nxt) > 4 and prev not in DETERMINERS and prev not in PREPOSITIONS


def _have(slot: Slot, _word: str) -> bool:
    nxt, prev = _lower(slot.next), _lower(slot.prev)
    if prev in DETERMINERS or prev in PREPOSITIONS:
        return False  # "the person killed", "every person arrested": "the have" is no English
    return nxt in ("been", "had", "not", "already", "never", "yet") or nxt.endswith("ed")


def _adverb(slot: Slot, _word: str) -> bool:
    nxt = _lower(slot.next)
    return slot.digit_next or nxt in ("as", "like", "about", "over", "under", "after", "before")


def _pronoun(slot: Slot, _word: str) -> bool:
    nxt, prev = _lower(slot.next), _lower(slot.prev)
    return (slot.sentence_start or prev in CONJUNCTIONS) and nxt in AUXILIARIES


def _can_be(word: str, pos: str) -> bool:
    """Whether WordNet knows *word* (or its base form) as a noun, verb, adjective (a) ..."""
    from unspin.core.thesaurus import default_thesaurus

    return any(p == pos for _, p in default_thesaurus().base_forms(word))


def is_closed_class(word: str) -> bool:
    """A function word of one of the roles above (never a spinner's content word)."""
    return any(word in words for _, words in ROLES) or word in PREPOSITIONS or word in AUXILIARIES \
        or word in CONJUNCTIONS or word in OBJECT_PRONOUNS


def _is_noun(word: str) -> bool:
    """A word mostly used as a noun ("items", "methods"; not "new", "replace")."""
    from unspin.core.thesaurus import default_thesaurus, dominant_pos

    return dominant_pos(default_thesaurus().senses(word)) == "n"


def _is_verb_lemma(word: str) -> bool:
    """A verb's dictionary form, whatever else it may be ("cost", "fortify")."""
    from unspin.core.thesaurus import default_thesaurus

    return (word, "v") in default_thesaurus().base_forms(word)


def opens_a_clause(word: str, after: str | None) -> bool:
    """Whether *word* is a finite verb, so that the word before it is its subject: a past or
    present form of a word mostly used as a verb ("said she", "went", "says"), and when the
    form is also an adjective or a noun, one followed by a function word ("said she", not
    "continued presence"). "-ing" forms ("the building", "the following") never are."""
    from unspin.core.thesaurus import default_thesaurus, dominant_pos

    th = default_thesaurus()
    word = word.lower()
    if is_closed_class(word) or word.endswith("ing"):
        return False
    forms = th.base_forms(word)
    if not any(pos == "v" and base != word and dominant_pos(th.senses(base)) == "v" for base, pos in forms):
        return False
    itself = any(base == word for base, pos in forms)  # "said" (aforesaid), "continued"
    return not itself or not after or is_closed_class(after.lower())


def _is_time_noun(word: str) -> bool:
    """A noun mostly used for a time (WordNet's noun.time: "summer", "year", "season")."""
    from unspin.core.thesaurus import NOUN_TIME, default_thesaurus

    nouns = [s for s in default_thesaurus().senses(word) if s.pos == "n"]
    total = sum(s.tags for s in nouns)
    return total > 0 and sum(s.tags for s in nouns if s.lexfile == NOUN_TIME) * 2 >= total


def _is_base_verb(word: str) -> bool:
    """A verb in its dictionary form, mostly used as a verb ("see", "fortify"; not "corner")."""
    from unspin.core.thesaurus import default_thesaurus, dominant_pos

    th = default_thesaurus()
    if (word, "v") not in th.base_forms(word) or word.endswith(("ed", "ing")):
        return False
    return dominant_pos(tuple(s for s in th.senses(word) if s.lemma == word)) == "v"


_CHECKS = {"preposition": _preposition, "determiner": _determiner, "modal": _modal, "be": _be,
           "have": _have, "adverb": _adverb, "pronoun": _pronoun}
