"""Does a word's slot in the sentence fit a function word rather than the word itself?

A spinner swaps words one by one and leaves the grammar of the original: a preposition's
slot keeps its object ("successful the city", "astatine least"), an auxiliary's slot its
verb ("whitethorn be", "tin see"), an article's slot its noun ("nan president"). These
small closed-class rules judge the slot from the neighbouring words only; they need no
tagger and no statistics, and stay quiet when in doubt (a flag needs more than this).
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
_INTENSIFIERS = frozenset("very most more less so too highly quite rather".split())

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
    return bool(check and check(slot, word))


def reads_as_itself(slot: Slot) -> bool:
    """A slot where a content word is at home: after an article, a form of "be" or an
    intensifier ("a successful", "was successful", "most successful")."""
    prev = _lower(slot.prev)
    return prev in _ARTICLES or prev in BE_FORMS or prev in _INTENSIFIERS or not slot.next


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
        return nxt.islower() and _is_noun(nxt)
    return True


def _modal(slot: Slot, _word: str) -> bool:
    nxt, prev = _lower(slot.next), _lower(slot.prev)
    if not nxt or prev in DETERMINERS or prev in PREPOSITIONS or prev in _INTENSIFIERS:
        return False
    return nxt in _AFTER_MODAL or (not is_closed_class(nxt) and _is_base_verb(nxt))


def _be(slot: Slot, _word: str) -> bool:
    nxt, prev = _lower(slot.next), _lower(slot.prev)
    after_modal = prev in MODALS or prev in ("to", "not", "cannot", "won't")
    if after_modal and nxt and nxt not in AUXILIARIES and nxt not in CONJUNCTIONS:
        return True
    # "would initially beryllium utilized": a passive participle after it
    return nxt.endswith("ed") and len(nxt) > 4 and prev not in DETERMINERS and prev not in PREPOSITIONS


def _have(slot: Slot, _word: str) -> bool:
    nxt = _lower(slot.next)
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


def _is_base_verb(word: str) -> bool:
    """A verb in its dictionary form, mostly used as a verb ("see", "fortify"; not "corner")."""
    from unspin.core.thesaurus import default_thesaurus, dominant_pos

    th = default_thesaurus()
    if (word, "v") not in th.base_forms(word) or word.endswith(("ed", "ing")):
        return False
    return dominant_pos(tuple(s for s in th.senses(word) if s.lemma == word)) == "v"


_CHECKS = {"preposition": _preposition, "determiner": _determiner, "modal": _modal, "be": _be,
           "have": _have, "adverb": _adverb, "pronoun": _pronoun}
