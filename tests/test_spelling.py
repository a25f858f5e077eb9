"""Misspellings with one clear fix are corrected without a list entry; nothing else changes.

The cases are the style fixtures' own (tests/styles/expected.yaml, written before the rules
were tuned): each `fixed` word must come out as its fix, each `kept` one exactly as typed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import site_from_text
from notesite.report import spelling, spelling_report
from notesite.spelling import speller
from notesite.api import site_from_lines
from notesite.source import decode

STYLES = Path(__file__).parent / "styles"
EXPECTED = yaml.safe_load((STYLES / "expected.yaml").read_text(encoding="utf-8"))
SPELLING_CASES = [name for name, want in EXPECTED.items() if "fixed" in want]


def _page_text(name: str) -> str:
    site = site_from_text((STYLES / name).read_text(encoding="utf-8"), f"notes/{name}")
    return "\n".join(text for file, text in site.files.items() if file.endswith(".md") and file != "index.md")


@pytest.mark.parametrize("name", SPELLING_CASES)
def test_every_clear_misspelling_is_fixed(name):
    text = _page_text(name)
    for typed, fix in EXPECTED[name]["fixed"].items():
        assert not re.search(rf"\b{typed}\b", text, re.IGNORECASE), typed
        assert re.search(rf"\b{fix}\b", text), fix


@pytest.mark.parametrize("name", SPELLING_CASES)
def test_no_real_word_term_or_identifier_is_changed(name):
    text = _page_text(name)
    for kept in EXPECTED[name]["kept"]:
        assert kept in text, kept


@pytest.mark.parametrize("name", SPELLING_CASES)
def test_an_ambiguous_word_stays_as_typed_and_the_report_suggests_its_fixes(name):
    site = site_from_text((STYLES / name).read_text(encoding="utf-8"), f"notes/{name}")
    unknown = spelling(site).unknown
    for typed, candidates in EXPECTED[name].get("ambiguous", {}).items():
        assert typed in _page_text(name)
        assert set(candidates) <= set(unknown[typed][1]), unknown[typed]


def test_the_report_says_where_each_automatic_fix_was_made():
    site = site_from_text((STYLES / "misspelt.txt").read_text(encoding="utf-8"), "notes/misspelt.txt")
    report = spelling_report(site)
    assert "notes/misspelt.txt:3\tminuts -> minutes" in report
    assert "notes/misspelt.txt:7\ttemplete -> template" in report


@pytest.mark.parametrize("typed, fix", [
    ("failled", "failed"),       # a double letter typed once too often: not "filled"
    ("manualy", "manually"),     # a double letter typed once: not "manual"
    ("nigth", "night"),          # two letters swapped
])
def test_the_commonest_slips_decide_between_candidates(typed, fix):
    assert speller().candidates(typed)[0].word == fix


@pytest.mark.parametrize("typed", ["authorizers", "recommender", "subsegments", "subnetting", "multiplayer",
                                   "reinstalls", "misattributed", "colocation", "neighbourhood", "shockwaves",
                                   "enablement", "parameterized"])
def test_a_word_made_of_a_known_word_and_a_prefix_or_ending_stays_as_typed(typed):
    # Real words the English list lacks, each once "fixed" into another word in real notes
    # ("Lambda authorizers" had become "authorizes", "subnetting" "subletting").
    assert speller().clear_fix(typed) is None


@pytest.mark.parametrize("typed, fix", [("remainning", "remaining"), ("unsupservised", "unsupervised")])
def test_a_slip_that_only_looks_like_a_formed_word_is_still_fixed(typed, fix):
    # "remain" takes no doubled "n"; "un" + "supservised" is no word.
    assert speller().clear_fix(typed) == fix


@pytest.mark.parametrize("typed", ["archieved"])
def test_a_letter_too_many_that_two_words_could_lose_is_not_guessed(typed):
    # "archieved data" is archived, "archieved a goal" achieved: no frequency says which.
    assert speller().clear_fix(typed) is None


@pytest.mark.parametrize("typed", ["admin", "backend", "resize", "wget", "auth", "upto", "mkfs", "nigth"])
def test_a_word_shorter_than_nine_letters_is_never_guessed_from_slips(typed):
    assert speller().clear_fix(typed) is None


@pytest.mark.parametrize("typed, fixed", [
    ("Increase performace- ElastiCache", "Increase performance- ElastiCache"),   # a dash before a space
    ("performace -- a tradeoff", "performance -- a tradeoff"),
    ("performace-tuning", "performace-tuning"),                                   # a joined word: as typed
])
def test_a_word_before_a_dash_is_checked_and_a_hyphened_word_is_not(typed, fixed):
    assert speller().fix(typed) == fixed


@pytest.mark.parametrize("typed, capitalised, fix", [
    ("infraestructure", False, "infrastructure"),   # long enough to guess from slips
    ("infraestructure", True, None),                # capitalised: names are not guessed at
    ("encription", True, "encryption"),             # the common misspellings' dictionary
    ("rekognition", False, None),                   # an AWS service's name
])
def test_capitalised_words_are_fixed_from_the_dictionary_only(typed, capitalised, fix):
    assert speller().clear_fix(typed, capitalised=capitalised) == fix


@pytest.mark.parametrize("word", ["organised", "organisation", "centres", "favour", "flavours", "visualise",
                                  "licence", "catalogue", "programme", "programmes", "sceptical", "paediatric",
                                  "aluminium", "manoeuvre"])
def test_british_spellings_are_spelled_right(word):
    assert speller().knows(word) and speller().clear_fix(word) is None


@pytest.mark.parametrize("word", ["attaches", "rebooting", "subnets", "failover", "idempotent", "faille"])
def test_words_forms_and_project_terms_are_known(word):
    assert speller().clear_fix(word) is None


def test_the_summary_counts_the_fixes_the_report_lists_and_tables_get_none():
    from notesite.report import site_report

    notes = ("# EC2\n\n## Checks\n\n- a clear infraestructure slip in prose\n\n"
             "| what | note |\n|---|---|\n| infraestructure | in a table, shown as typed |\n")
    site = site_from_text(notes, "notes/ec2.md")
    report = spelling_report(site)
    assert report.count("infraestructure -> infrastructure") == 1 and "notes/ec2.md:5\t" in report
    assert "| infraestructure |" in site.files["ec2.md"]
    assert "1 corrections applied (0 from corrections.txt; 1 automatic" in site_report(site, [])


def test_fixes_in_the_introduction_on_the_home_page_are_reported_and_counted():
    from notesite.report import site_report

    site = site_from_text("# My notes\n\nTyped with infraestructure in mind.\n\n## EC2\n\n- instances\n", "notes/n.md")
    assert [line.text for line in site.title_lines][-1] == "Typed with infraestructure in mind."
    assert "infrastructure" in site.files["index.md"]
    assert "notes/n.md:3\tinfraestructure -> infrastructure" in spelling_report(site)
    assert "1 corrections applied (0 from corrections.txt; 1 automatic" in site_report(site, [])


def test_the_summary_counts_only_the_reviewed_corrections_made_not_those_in_code():
    from notesite.report import corrections_applied

    site = site_from_text("## EC2\n- Elasitc IP and `Elasitc` in code\n$ sudo Elasitc\n")
    assert "- Elastic IP and `Elasitc` in code" in site.files["ec2.md"]
    assert corrections_applied(site) == 1


def test_notes_in_another_language_get_no_fixes_and_the_report_lists_none():
    spanish = ("## EC2\n- las instancias se pueden detener y reiniciar\n"
               "- configuracion de red avanzada para aplicaciones\n")
    site = site_from_text(spanish)
    page = site.files["ec2.md"]
    assert "instancias" in page and "configuracion de red" in page
    assert spelling(site).fixed == []
    # the same words in English notes: the common misspelling is fixed there
    english = site_from_text("## EC2\n- the configuracion of the network is set per instance and per subnet\n")
    assert "configuration of the network" in english.files["ec2.md"]


def test_the_title_and_introduction_of_notes_in_another_language_get_no_fixes_either():
    # The lines that head the home page (a file's title and introduction) were cleaned as English
    # even where the file's pages were not: "instancias" became "instancies" there alone.
    notes = ("# Notas de estudio\n\nEstas notas cubren la configuracion de red y las instancias de cada cuenta.\n\n"
             "## EC2\n- las instancias se pueden detener y reiniciar\n- configuracion de red avanzada para aplicaciones\n")
    site = site_from_text(notes, "notes/notas.md")
    assert "Estas notas cubren la configuracion de red y las instancias de cada cuenta." in site.files["index.md"]
    assert spelling(site).fixed == []


def test_notes_in_another_language_keep_the_names_they_use_as_their_own_words_as_typed():
    # Portuguese notes: "os dados" (the data) had become "OS dados", a hundred times in one
    # repository, and "Serviços" "ServiçOS" (a term matched after a letter outside ASCII). A
    # name the notes type in lower case more often than not is a word of their language; the
    # names they type cased ("S3", "CloudWatch") are still cased where they were not.
    notes = ("# Armazenamento\n\nOs dados e os serviços da conta ficam na mesma região.\n\n"
             "## Serviços\n\n- os dados de cada objeto ficam no bucket S3\n- os recursos de cada instância\n"
             "- o S3 guarda os objetos; o s3 replica os dados\n- o CloudWatch recebe os logs\n")
    site = site_from_text(notes, "notes/armazenamento.md")
    text = "\n".join(site.files.values())
    assert "OS " not in text and "ServiçOS" not in text
    page = site.files["servicos.md"]
    assert "# Serviços" in page and "- os dados de cada objeto ficam no bucket S3" in page
    assert "o S3 guarda os objetos; o S3 replica os dados" in page
    assert "Os dados e os serviços da conta ficam na mesma região." in site.files["index.md"]
    # In English notes, "os" alone is the operating system's abbreviation, as before.
    assert "the OS of each instance" in site_from_text("## EC2\n- the os of each instance\n").files["ec2.md"]


PORTUGUESE = ("## Backup\n\n- para criar um backup podemos usar o console do backup service\n"
              "- os recursos do backup ficam no backup vault, storage encrypted\n"
              "- podemos definir regras de lifecycle para o storage, the cold storage tier\n"
              "- a consistem de snapshots e backups, backup plans and backup rules\n"
              "- uma forma de recuperar os dados, para a recovery point, com a computacional ajuda\n"
              "- para cada recurso criar tags e regras, backup tags, resource tags\n"
              "- o oficial guia de backups e storage, backup policies\n")


def test_notes_in_another_language_full_of_english_terms_get_no_fixes():
    # Portuguese notes whose terms are English ("backup", "storage", "lifecycle") are less than
    # half unknown words, but their commonest words are Portuguese: "consistem" had become
    # "consisted", "computacional" "computational", "oficial" "official".
    page = site_from_text(PORTUGUESE, "notes/backup.md").files["aws-backup.md"]
    assert "consistem de snapshots" in page and "computacional ajuda" in page and "o oficial guia" in page


def test_a_short_file_of_notes_in_another_language_is_read_with_the_rest_of_them():
    site = site_from_lines([decode(PORTUGUESE.encode(), "notes/backup.md"),
                            decode("## Guia\n\n- o oficial backup guide do storage exam\n".encode(), "notes/guia.md")])
    assert "- o oficial backup guide do storage exam" in site.files["guia.md"]


def test_a_term_right_after_a_letter_outside_ascii_is_part_of_that_word():
    from notesite.inline import normalizer
    assert normalizer().plain("the Serviços list and the os") == "the Serviços list and the OS"


@pytest.mark.parametrize("typed, fix", [("serverlss", "serverless"), ("kubernets", "kubernetes")])
def test_a_slip_of_a_word_of_the_projects_own_is_fixed_to_it_not_to_an_english_word_further_off(typed, fix):
    # "serverlss" had become "servers", two slips away, as the English list lacks "serverless".
    assert speller().clear_fix(typed) == fix


def test_a_misspelling_the_dictionary_gives_several_fixes_is_not_guessed_and_the_report_offers_them():
    # "partioning" had become "portioning", one slip away, though the typos dictionary lists
    # partitioning and portioning both: a guess between them is no clear fix.
    assert speller().clear_fix("partioning") is None
    site = site_from_text("## EC2\n- the partioning of the data across nodes\n")
    assert "partioning of the data" in site.files["ec2.md"]
    assert spelling(site).unknown["partioning"][1] == ["partitioning", "portioning"]


def test_a_guess_that_is_itself_a_known_misspelling_goes_on_to_its_fix():
    # "dependacy" is one slip from "dependancy", which the English list holds, but which the
    # typos dictionary knows as a misspelling of "dependency".
    assert speller().knows("dependancy") and speller().clear_fix("dependancy") is None
    assert speller().clear_fix("dependacy") == "dependency"


@pytest.mark.parametrize("typed", ["selecttime", "storefrom"])
def test_two_words_run_together_are_not_guessed_as_one_word_two_slips_away(typed):
    # "select time" and "store from" without their space had become "selective" and "storeroom".
    assert speller().clear_fix(typed) is None


@pytest.mark.parametrize("typed, fix", [("snapshorts", "snapshots"), ("deployping", "deploying")])
def test_one_slip_from_a_word_is_still_fixed_where_the_letters_also_split_into_two_words(typed, fix):
    assert speller().clear_fix(typed) == fix


@pytest.mark.parametrize("typed", ["echnology", "erspective", "esidential"])
def test_a_word_likelier_with_its_first_letter_changed_is_not_guessed(typed):
    # A space typed one letter late ("the ne wtechnology") leaves a word without its first
    # letter: "echnology" had become "ethnology", "erspective" "respective", "esidential"
    # "evidential".
    assert speller().clear_fix(typed) is None


def test_a_piece_of_a_word_that_markup_splits_is_kept_as_typed_and_not_reported():
    # A mnemonic's bold first letters ("**P**erformance") leave pieces of words between the
    # marks: "erformance" had become "performance", and the page read "Pperformance".
    notes = "## Trusted Advisor\n- **P**erformance\n- *S*ervice limits\n- Fault tol**erance**\n- `ec2`s\n- a recieve\n"
    site = site_from_text(notes, "notes/n.md")
    page = site.files["trusted-advisor.md"]
    assert "- **P**erformance\n- *S*ervice limits\n- Fault tol**erance**\n- `ec2`s\n- a receive\n" in page
    assert [(typed, fix) for _, typed, fix in spelling(site).fixed] == [("recieve", "receive")]


def test_short_files_that_look_english_among_longer_ones_in_another_language_are_that_language():
    # Read together, the notes' first words may all be English (a long English file first):
    # the files that hold most of the words say which language the notes are in.
    english = "## SQS\n\n" + "- the queue keeps each message until a consumer deletes it\n" * 1000
    spanish = "## Lambda\n\n" + "- las funciones se ejecutan cuando llega un evento y escalan solas\n" * 2000
    short = "## Inspector\n\n- network reachability scan: no requiere agent, se realiza a nivel de red\n"
    site = site_from_lines([decode(english.encode(), "notes/a-sqs.md"), decode(spanish.encode(), "notes/lambda.md"),
                            decode(short.encode(), "notes/inspector.md")])
    assert "no requiere agent" in site.files["inspector.md"]


def test_notes_in_another_language_case_the_longer_names_they_type_in_lower_case():
    # Only a short name may be a word of the notes' language ("os"); "cloudwatch" is no word of
    # any language, and is cased as in English notes.
    notes = ("## Monitoreo\n\n- las métricas de cloudwatch se guardan quince meses\n- los logs van a cloudwatch\n"
             "- os logs de cada instância\n" + "- cada alarma puede enviar avisos cuando cambia su estado\n" * 5)
    page = site_from_text(notes, "notes/monitoreo.md").files["monitoreo.md"]
    assert "las métricas de CloudWatch" in page and "van a CloudWatch" in page and "- os logs" in page


@pytest.mark.parametrize("typed", ["orchestrato", "identifie"])
def test_a_word_of_aws_s_own_as_near_as_the_likeliest_english_word_is_no_clear_fix(typed):
    # "orchestrato": "orchestrate" by how common the words are, "orchestrator" in notes about
    # AWS; "identifie": "identified" or "identifier". Nothing says which.
    assert speller().clear_fix(typed) is None


def test_a_form_of_the_likeliest_word_is_no_other_candidate():
    assert speller().clear_fix("resourcew") == "resources"
