"""How records write the unit of a region: ``unit_of("KPU", Kota Bogor)``
is ``KPU Kota Bogor``, ``unit_of("Polres", Kota Bekasi)`` is ``Polres Metro
Bekasi Kota``. Shared by the officials rules and the posts named without
their holder (:mod:`extractor.nlp.holders`), so both name one unit alike."""

from __future__ import annotations

from ..units import is_unit_name, resolve
from .gazetteer import Region, gazetteer
from .lexicon import lexicon


def unit_of(head: str, reg: Region) -> str:
    """The unit ``head`` of the region ``reg`` as records write it. Of a
    kota: ``KPU Kota X`` for the kinds with the kota prefix (units.toml);
    where a kabupaten of the same name lies in the same province (Bekasi,
    Malang, Kupang), ``Polres X Kota`` as Polri names the city's resort,
    ``Pemkot X`` (the head says kota) and ``Kodim Kota X`` for the others.
    A name the units table knows is given as the table gives it (``Polres
    Bekasi Kota`` -> ``Polres Metro Bekasi Kota``)."""
    if reg.type != "kota":
        return f"{head} {reg.name}"
    if head.lower() in lexicon().kota_prefix_kinds:
        return f"{head} Kota {reg.name}"
    twin = any(r.province == reg.province for r in gazetteer().lookup(reg.name, ("kabupaten",), aliases=False))
    if not twin:
        return f"{head} {reg.name}"
    if lexicon().unit_institution(head) == "Polri":
        written = f"{head} {reg.name} Kota"
        u = resolve(written) if is_unit_name(written) else None
        return u.name if u is not None else written
    if lexicon().level_of(head) == "kota":  # Pemkot Bogor: the head says kota already
        return f"{head} {reg.name}"
    return f"{head} Kota {reg.name}"  # Kodim Kota Malang (TNI writes 0833/Kota Malang)
