"""The positions ontology (lexicons/positions.toml): complete by construction
from the organisation charts, each title with its unit, level and
institution, acting prefixes combined with any title."""

import pytest

from extractor import datafiles
from extractor.nlp.lexicon import lexicon, position_entries
from extractor.nlp.officials import find_officials

DATA = datafiles.load("nlp/lexicons/positions.toml")


def _one(text):
    got = find_officials(text).officials
    assert len(got) == 1, got
    return got[0]


@pytest.mark.parametrize("written,short,unit,level,institution", [
    ("Kabagops", "Kabag Ops", "Polres {region}", "kabupaten", "Polri"),
    ("Kabag Bin Ops", "Kabag Binops", "Polres {region}", "kabupaten", "Polri"),
    ("Kepala Bagian Operasional", "Kabag Ops", "Polres {region}", "kabupaten", "Polri"),
    ("Kasatreskrim", "Kasat Reskrim", "Polres {region}", "kabupaten", "Polri"),
    ("Kepala Seksi Pengawasan", "Kasi Was", "Polres {region}", "kabupaten", "Polri"),
    ("Kasubbid Penmas", "Kasubbid Penmas", "Polda {region}", "provinsi", "Polri"),
    ("Kabidhumas", "Kabid Humas", "Polda {region}", "provinsi", "Polri"),
    ("Direktur Reserse Kriminal Khusus", "Dirreskrimsus", "Polda {region}", "provinsi", "Polri"),
    ("Pama Ditpolairud", "Pama Ditpolairud", "Polda {region}", "provinsi", "Polri"),
    ("Irwasda", "Irwasda", "Polda {region}", "provinsi", "Polri"),
    ("Kanit Reskrim", "Kanit Reskrim", "Polsek {region}", "kecamatan", "Polri"),
    ("Kepala Satuan Tugas Humas", "Kasatgas Humas", "", "", "Polri"),
    ("Karendalops", "Karendalops", "", "", "Polri"),
    ("Perwira Pengendali", "Padal", "", "", "Polri"),
    ("Komandan Distrik Militer", "Dandim", "Kodim {region}", "kabupaten", "TNI"),
    ("Kasrem", "Kasrem", "Korem {region}", "kabupaten", "TNI"),
    ("Panglima Kodam", "Pangdam", "Kodam {region}", "provinsi", "TNI"),
    ("Danramil", "Danramil", "Koramil {region}", "kecamatan", "TNI"),
    ("Komandan Peleton", "Danton", "", "", "Polri"),
    ("Dansatbrimob", "Dansat Brimob", "Satbrimob Polda {region}", "provinsi", "Polri"),
    ("Perwira Penghubung", "Pabung", "Kodim {region}", "kabupaten", "TNI"),
    ("Pasi Intel", "Pasi Intel", "Kodim {region}", "kabupaten", "TNI"),
    ("Wakil Kepala Kejaksaan Tinggi", "Wakajati", "Kejati {region}", "provinsi", "Kejaksaan"),
    ("Kasi Pidum", "Kasi Pidum", "Kejari {region}", "kabupaten", "Kejaksaan"),
    ("Koordinator Divisi Penanganan Pelanggaran", "Kordiv Penanganan Pelanggaran", "Bawaslu {region}", "kabupaten",
     "Bawaslu"),
    ("Kepala Divisi Teknis Penyelenggaraan", "Kadiv Teknis", "KPU {region}", "kabupaten", "KPU"),
    ("Komisioner Bawaslu", "Anggota Bawaslu", "Bawaslu {region}", "kabupaten", "Bawaslu"),
    ("Anggota Panwascam", "Anggota Panwascam", "Panwascam {region}", "kecamatan", "Panwascam"),
    ("Ketua KPPS", "Ketua KPPS", "KPPS {region}", "desa", "KPPS"),
    ("Ketua KIP", "Ketua KIP", "KIP {region}", "kabupaten", "KPU"),
    ("Kepala Gudang Logistik", "Kepala Gudang Logistik", "KPU {region}", "kabupaten", "KPU"),
    ("Kepala Badan Kesatuan Bangsa dan Politik", "Kaban Kesbangpol", "Pemda {region}", "kabupaten", "Pemda"),
    ("Kepala Satuan Polisi Pamong Praja", "Kasatpol PP", "Satpol PP {region}", "kabupaten", "Pemda"),
    ("Wakil Ketua DPRD", "Wakil Ketua DPRD", "DPRD {region}", "kabupaten", "DPRD"),
    ("Kepala Desa", "Kades", "Desa {region}", "desa", "Pemda"),
])
def test_titles_resolve_to_their_post(written, short, unit, level, institution):
    for form in (written, written.upper(), written.lower()):
        p = lexicon().position(form)
        assert (p.short, p.unit, p.level, p.institution) == (short, unit, level, institution), form


@pytest.mark.parametrize("written,base,short", [
    ("Plh. Kapolres", "Kapolres", "Plh Kapolres"), ("Plt Bupati", "Bupati", "Plt Bupati"),
    ("Penjabat (Pj) Bupati", "Bupati", "Pj Bupati"), ("Penjabat Gubernur", "Gubernur", "Pj Gubernur"),
    ("Ps. Kasi Humas", "Kasi Humas", "Ps Kasi Humas"), ("Pjs. Kades", "Kades", "Pjs Kades"),
    ("Plh. Sekda", "Sekda", "Plh Sekda"), ("PLT. KAPOLSEK", "Kapolsek", "Plt Kapolsek"),
    ("Pelaksana Tugas (Plt) Kepala Bagian Operasional", "Kabag Ops", "Plt Kabag Ops"),
])
def test_acting_prefixes_combine_with_any_position(written, base, short):
    p, b = lexicon().position(written), lexicon().position(base)
    assert (p.short, p.acting) == (short, short.split()[0])
    assert (p.unit, p.institution, p.level, p.sub) == (b.unit, b.institution, b.level, b.sub)
    # one object per (prefix, position): later mentions can be matched by identity
    assert lexicon().position(written) is p
    assert lexicon().position("Pelaksana Tugas (Plt) Kepala Dinas") is None  # not a title of the lexicon


def test_every_chart_product_resolves_and_names_its_unit():
    """Every head x function of every chart, in every spelling of both, is a
    title of that chart, and written before a unit and a rank it gives the
    officer that title (e.g. every Sat of a Polres: Kasat X and Kasat X Polres Y)."""
    lex = lexicon()
    heads, functions = DATA["heads"], DATA["functions"]
    checked = 0
    for chart in DATA["chart"]:
        for h in chart["heads"]:
            for f in chart["functions"]:
                titles = {lex.position(f"{hf} {ff}") for hf in heads[h]["forms"] for ff in functions[f]["forms"]}
                assert None not in titles
                # one post per head x function (a form another chart wrote first may read as that chart's post)
                mine = {p for p in titles if p.unit == chart["unit"] and p.institution == chart["institution"]}
                assert len({p.short for p in mine}) <= 1
                short = lex.position(f"{heads[h]['forms'][0]} {functions[f]['forms'][0]}").short
                if chart["unit"].startswith("Polres "):
                    o = _one(f"{short} Polres Lahat AKP Budi Santoso hadir.")
                    assert (o.position, o.unit, o.rank) == (short, "Polres Lahat", "AKP")
                checked += 1
    assert checked > 200


def test_every_satuan_of_a_polres():
    lex = lexicon()
    sats = next(c for c in DATA["chart"] if "Kasat" in c["heads"])["functions"]
    for f in sats:
        short = f"Kasat {DATA['functions'][f]['forms'][0]}"
        assert lex.position(short).short == short
        o = _one(f"{short} Polres Muara Enim AKP Andi Wijaya mengatakan")
        assert (o.position, o.unit) == (short, "Polres Muara Enim")


def test_commanders_and_bodies_are_products_too():
    lex = lexicon()
    for cmd in DATA["command"]:
        for h in cmd["heads"]:
            for k in cmd["kind"]:
                for hf in DATA["commanders"][h]["forms"][1:]:  # spelled-out titles
                    for ef in DATA["echelons"][k]["forms"]:
                        p = lex.position(f"{hf} {ef}")
                        assert p is not None and p.institution == cmd["institution"], (hf, ef)
    for name, body in DATA["bodies"].items():
        for r in body["roles"]:
            for rf in DATA["roles"][r]["forms"]:
                for bf in body["forms"]:
                    assert lex.position(f"{rf} {bf}") is not None, (rf, bf)


def test_abbreviated_commander_titles_are_only_glued():
    # "Dan Kodim" would read the conjunction "dan" + Kodim as a title
    assert lexicon().position("dan Kodim") is None
    assert lexicon().position("Dankodim").short == "Dandim"
    assert find_officials("Personel Polres dan Kodim 1013/Muara Teweh, Letkol Inf Wisnu Hardiansyah, hadir.") \
        .officials[0].position is None


def test_a_title_several_charts_share_takes_the_unit_written_after_it():
    a = _one("Kasubbag Hukum KPU Lahat Andi Saputra mengatakan berkas sudah lengkap.")
    b = _one("Kasubbag Hukum Polres Lahat AKP Andi Saputra mengatakan berkas sudah lengkap.")
    assert (a.institution, a.unit) == ("KPU", "KPU Lahat")
    assert (b.institution, b.unit, b.position) == ("Polri", "Polres Lahat", "Kasubbag Kum")


def test_the_institution_follows_the_unit_written():
    o = _one("Kasi Ops Korem 043/Garuda Hitam Mayor Inf Budi Santoso hadir.")
    assert (o.position, o.institution) == ("Kasi Ops", "TNI")


def test_position_entries_is_pure_and_ordered():
    entries = list(position_entries(DATA))
    assert entries == list(position_entries(DATA))
    # hand-listed posts come first: their forms win over generated ones
    assert entries[0][1].short == "Kapolri"
    assert len(entries) > 3000
