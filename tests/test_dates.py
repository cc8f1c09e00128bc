from extractor.nlp.dates import find_dates


def _dates(text, published="2024-12-01"):
    return [(d.date, d.text) for d in find_dates(text, published)]


def test_numeric_and_long_forms():
    got = _dates("Sabtu (30/11/2024), Kamis (28/11/24), Rabu (4/12), (27-11-2024), 2 Desember 2024, "
                 "Senin, 2 desember 2O24.")
    assert [d for d, _ in got] == ["2024-11-30", "2024-11-28", "2024-12-04", "2024-11-27", "2024-12-02", "2024-12-02"]


def test_relative_dates_need_an_anchor():
    assert _dates("kemarin dan Senin lalu serta besok", "2024-12-01") == [
        ("2024-11-30", "kemarin"), ("2024-11-25", "Senin lalu"), ("2024-12-02", "besok")]
    assert _dates("kemarin dan besok", None) == []


def test_years_in_names_and_unit_codes_are_not_dates():
    assert _dates("Pilkada Serentak 2024 dan Pemilu 2024 diamankan Kodim 0412/LU dan 1.250 personel "
                  "pukul 13.00 WIB") == []


def test_time_and_weekday_flag():
    d = find_dates("Senin (29/8/2024) pukul 13.00 WIB rapat dimulai.", None)[0]
    assert d.date == "2024-08-29" and d.time == "13.00 WIB" and d.flag == "weekday_mismatch"
    ok = find_dates("Sabtu (30/11/2024)", None)[0]
    assert ok.flag is None


def test_ranges_give_both_ends():
    got = find_dates("Operasi berlangsung 28-30 November 2024.", None)
    assert [(d.date, d.flag) for d in got] == [("2024-11-28", "range"), ("2024-11-30", "range")]


def test_yearless_date_takes_the_nearest_year():
    assert _dates("Rabu (1/1)", "2024-12-30")[0][0] == "2025-01-01"


def test_bare_weekday_is_the_nearest_such_day_and_lowercase_minggu_is_a_week():
    assert _dates("Distribusi dilanjutkan Minggu.", "2024-11-22") == [("2024-11-24", "Minggu")]
    assert _dates("Massa datang Jumat malam.", "2024-02-24") == [("2024-02-23", "Jumat")]
    assert _dates("Operasi digelar dua minggu lalu dan minggu depan.", "2024-02-24") == []


def test_ordinal_day_counts_from_a_stated_start():
    text = ("Pleno tingkat kota memasuki hari ketiga di hotel. Pleno yang dimulai Kamis (29/2/2024) itu dijaga ketat.")
    assert sorted(d for d, _ in _dates(text, "2024-03-02")) == ["2024-02-29", "2024-03-02"]
    assert [d for d, _ in _dates("Pleno memasuki hari ke-2, Kamis (5/12/2024).", None)] == ["2024-12-05"]
    assert _dates("Pleno memasuki hari ketiga.", "2024-03-02") == []


def test_letter_o_in_a_numeric_year():
    assert _dates("Kamis (5/12/2O24)", None) == [("2024-12-05", "Kamis (5/12/2O24)")]


def test_relative_days_count_from_the_date_stated_before():
    from extractor.nlp.dates import find_dates

    text = ("Logistik dikawal ke Kecamatan Komodo, Sabtu (23/11/2024).\n\n"
            "Sehari sebelumnya, logistik untuk wilayah daratan diberangkatkan. Dua hari kemudian, kotak suara "
            "tiba di PPS.\n\n\"Rute sudah kami survei sehari sebelumnya,\" ujarnya hari ini.\n\n"
            "Sehari sebelumnya, Jumat (22/11/2024), apel digelar.")
    got = [(d.text, d.date) for d in find_dates(text, "2024-11-25")]
    assert ("Sehari sebelumnya", "2024-11-22") in got
    assert ("Dua hari kemudian", "2024-11-25") in got
    assert [t for t, _ in got].count("Sehari sebelumnya") == 1  # not inside the quote, not before a written date
    assert ("Jumat (22/11/2024)", "2024-11-22") in got


def test_yearless_dates_without_published_take_the_year_of_the_election_and_the_weekday():
    assert _dates("Pleno Pilkada dijaga, Kamis (21/11). Logistik tiba Senin (9/9).", None) == [
        ("2024-11-21", "Kamis (21/11)"), ("2024-09-09", "Senin (9/9)")]
    assert _dates("Logistik Pemilu tiba (13/02).", None) == [("2024-02-13", "(13/02)")]
    assert [d for d, _ in _dates("PSU Pilkada digelar Sabtu (19/4), putusan MK 24 Februari.", None)] == [
        "2025-04-19", "2025-02-24"]
    # a weekday and a part of the day between the day name and the date
    assert _dates("Pilkada: patroli Selasa malam (26/11).", None) == [("2024-11-26", "Selasa malam (26/11)")]


def test_relative_days_count_from_the_page_s_own_day_when_nothing_is_published():
    text = ("Pilkada Pesawaran, Kamis (22/5). PSU digelar dua hari mendatang, Sabtu (24/5).\n\n"
            "Logistik didistribusikan kemarin dan besok digeser ke TPS.")
    got = _dates(text, None)
    assert ("2025-05-21", "kemarin") in got and ("2025-05-23", "besok") in got
    assert [t for _, t in got].count("dua hari mendatang") == 0  # the date is written right after it
    # after an UPDATE stamp, the stamp's day is the page's day
    text = "Pilkada, Rabu (27/11). Personel berangkat sejak Senin.\n\nUPDATE Kamis (28/11), 18.40 WIT:\nPleno dua hari mendatang."
    got = _dates(text, None)
    assert ("2024-11-25", "Senin") in got and ("2024-11-30", "dua hari mendatang") in got
    # no stated day, no published date: nothing to count from
    assert _dates("Pleno digelar besok, 4 hari lagi.", None) == []


def test_counted_days_forward_and_back_but_not_durations():
    got = _dates("Pencoblosan 4 hari lagi; apel tiga hari lalu; patroli selama 3 hari ke depan.", "2024-11-23")
    assert got == [("2024-11-27", "4 hari lagi"), ("2024-11-20", "tiga hari lalu")]


def test_two_digit_years_and_bare_numeric_dates():
    assert _dates("Surat tertanggal 03/12/24 dan 22-11-2024 diterima.", None) == [
        ("2024-12-03", "03/12/24"), ("2024-11-22", "22-11-2024")]
    assert _dates("Skor 12.30.45 dan versi 1/2/3.", None) == []


def test_day_lists_and_schedules_take_the_month_of_the_date_they_lean_on():
    got = _dates("Pleno digelar tanggal 16, 17 dan 18 Februari 2024.", None)
    assert [d for d, _ in got] == ["2024-02-16", "2024-02-17", "2024-02-18"]
    got = _dates("Pleno PPK 16 sampai 18 Februari, dilanjutkan pleno kabupaten tanggal 20.", "2024-02-18")
    assert [d for d, _ in got] == ["2024-02-16", "2024-02-18", "2024-02-20"]


def test_a_day_of_a_stage_the_calendar_knows():
    assert _dates("Hari ketiga masa tenang Pilkada, polisi berpatroli.", None) == [
        ("2024-11-26", "Hari ketiga masa tenang")]
    assert _dates("Memasuki hari pertama kampanye Pemilu, Bawaslu mengawasi.", None) == [
        ("2023-11-28", "hari pertama kampanye")]


def test_a_day_counted_back_across_paragraphs_skips_a_date_announced_for_later():
    text = ("PSU Talaud: logistik dikawal, Rabu (9/4). PSU digelar Sabtu (12/4).\n\n"
            "Sehari sebelumnya, rapat koordinasi digelar di aula Mapolres.")
    assert ("2025-04-08", "Sehari sebelumnya") in _dates(text, None)
    # in the same paragraph the date just written is the one meant
    text = "Personel bergeser ke TPS pada Selasa (26/11) dan mengamankan pemungutan suara keesokan harinya."
    assert ("2024-11-27", "keesokan harinya") in _dates(text, "2024-11-25")


def test_a_month_with_a_dotted_capital_i_is_read_not_a_crash():
    """The date patterns match case-insensitively, so 'FEBRUARİ' (a Turkish dotted capital I,
    pasted from elsewhere) is a month; its key is folded as the pattern compares it
    ('İ'.lower() is two characters): found, not a KeyError that fails the article."""
    from extractor.nlp.dates import find_dates

    found = find_dates("Rapat pleno digelar Rabu, 5 FEBRUARİ 2025, di aula KPU.", None)
    assert [d.date for d in found] == ["2025-02-05"]
