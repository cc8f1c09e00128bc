"""The stories behind the sample pages: invented persons, real places.

Each story: title, dateline city (as the outlet writes it is decided by the
page template), ISO publication datetime with its zone, paragraphs (the gold
main text, the dateline added by the template), author, editor, tags.
Nothing here is a factual report.
"""

STORIES = {
    "sumsel-pleno-provinsi": dict(
        title="Polda Sumsel Siagakan 1.200 Personel Amankan Pleno Rekapitulasi KPU Provinsi",
        city="Palembang", published="2024-12-08T10:15:00+07:00", author="Ahmad Rizki", editor="Indra Gunawan",
        tags=["Pilkada 2024", "Polda Sumsel", "Rekapitulasi"], section="Sumsel",
        paragraphs=[
            "Polda Sumatera Selatan menyiagakan 1.200 personel gabungan untuk mengamankan rapat pleno terbuka rekapitulasi hasil penghitungan suara Pemilihan Gubernur Sumsel di Hotel Novotel Palembang, Minggu (8/12/2024).",
            "Kabid Humas Polda Sumsel Kombes Pol Suryadi Pratama mengatakan pengamanan dibagi dalam tiga ring. Ring pertama berada di ruang pleno, ring kedua di area hotel, dan ring ketiga di jalan-jalan menuju lokasi.",
            "\"Kami tidak ingin ada celah sedikit pun. Seluruh personel sudah menerima arahan agar bertindak humanis namun tegas,\" ujar Suryadi.",
            "Menurut dia, Polda Sumsel juga menyiapkan satu kompi Brimob sebagai pasukan cadangan yang disiagakan di Mapolda. Pasukan itu dapat digerakkan dalam hitungan menit bila terjadi pengerahan massa.",
            "Ketua KPU Sumsel Andika Saputra menyebut pleno dijadwalkan berlangsung dua hari. Rekapitulasi dimulai dari Kabupaten Ogan Komering Ulu dan diakhiri Kota Palembang sebagai daerah dengan pemilih terbanyak.",
            "Hingga siang hari, pleno berjalan lancar dan disaksikan saksi dari ketiga pasangan calon gubernur.",
        ]),
    "kapuas-logistik-sungai": dict(
        title="Polres Kapuas Kawal Distribusi Logistik Pilkada Lewat Jalur Sungai",
        city="Kuala Kapuas", published="2024-11-23T14:40:00+07:00", author="Dwi Hartono", editor="Ronny Simatupang",
        tags=["Pilkada Kalteng", "Polres Kapuas"], section="Kalteng",
        paragraphs=[
            "Polres Kapuas mengerahkan 64 personel untuk mengawal distribusi logistik Pilkada Serentak 2024 ke kecamatan yang hanya bisa dijangkau melalui jalur sungai, Sabtu (23/11/2024).",
            "Kapolres Kapuas AKBP Gede Wijaya Putra mengatakan logistik diangkut menggunakan kelotok dan speedboat menyusuri Sungai Kapuas menuju Kecamatan Mantangai dan Timpah.",
            "\"Setiap perahu dikawal minimal dua personel bersenjata lengkap. Kami juga berkoordinasi dengan Satpolair untuk pengamanan di perairan,\" kata Gede.",
            "Ketua KPU Kapuas Marlina Sari menjelaskan perjalanan ke desa terjauh memakan waktu hingga sembilan jam. Karena itu, distribusi ke wilayah hulu didahulukan agar logistik tiba paling lambat H-2 pemungutan suara.",
            "Seluruh kotak suara dibungkus plastik tebal untuk mencegah kerusakan akibat hujan dan percikan air sungai.",
        ]),
    "poso-patroli": dict(
        title="Jelang Pencoblosan, Polres Poso Gelar Patroli Skala Besar",
        city="Poso", published="2024-11-25T19:05:00+08:00", author="Rahmat Hidayat", editor="Nur Aisyah",
        tags=["Pilkada Sulteng", "Polres Poso", "Patroli"], section="Sulteng",
        paragraphs=[
            "Polres Poso bersama Kodim 1307/Poso menggelar patroli skala besar menyusuri sejumlah kecamatan dua hari jelang pemungutan suara Pilkada Serentak 2024, Senin (25/11/2024) malam.",
            "Patroli melibatkan 180 personel gabungan TNI-Polri dengan puluhan kendaraan roda dua dan roda empat. Rute patroli mencakup Poso Kota, Poso Pesisir hingga Lage.",
            "Kapolres Poso AKBP Arthur Sameaputty mengatakan patroli bertujuan memberikan rasa aman kepada masyarakat menjelang hari pencoblosan.",
            "\"Kami ingin warga datang ke TPS tanpa rasa takut. Situasi di Poso saat ini kondusif dan harus kita jaga bersama,\" ujar Arthur.",
            "Dandim 1307/Poso Letkol Inf Bayu Ardiansyah menambahkan prajurit TNI siap membantu Polri hingga seluruh tahapan Pilkada selesai.",
        ]),
    "sigi-tps-rawan": dict(
        title="Kapolda Sulteng Tinjau TPS Rawan di Kabupaten Sigi",
        city="Sigi", published="2024-11-27T11:20:00+08:00", author="Fitriani Lamato", editor="Nur Aisyah",
        tags=["Pilkada Sulteng", "TPS Rawan"], section="Sulteng",
        paragraphs=[
            "Kapolda Sulawesi Tengah Irjen Pol Agus Nugroho meninjau sejumlah tempat pemungutan suara (TPS) yang masuk kategori rawan di Kabupaten Sigi, Rabu (27/11/2024).",
            "Peninjauan dimulai dari TPS 02 Desa Kalukubula, Kecamatan Sigi Biromaru, lalu berlanjut ke TPS di Kecamatan Dolo. Di setiap TPS, Kapolda berdialog dengan petugas KPPS dan personel pengamanan.",
            "\"TPS yang kami kategorikan rawan mendapat penebalan personel. Patroli dari Polsek juga kami perintahkan bergerak setiap jam,\" kata Agus.",
            "Polda Sulteng mencatat 147 TPS di Kabupaten Sigi masuk kategori rawan karena lokasinya sulit dijangkau atau pernah terjadi gesekan pada pemilihan sebelumnya.",
        ]),
    "empat-lawang-ricuh": dict(
        title="Pleno PPK di Empat Lawang Ricuh, Polisi Amankan Lima Orang",
        city="Empat Lawang", published="2024-12-02T16:45:00+07:00", author="Yulia Kartika", editor="Hendra Saputra",
        tags=["Empat Lawang", "Pilkada 2024", "Ricuh"], section="Sumsel",
        paragraphs=[
            "Rapat pleno rekapitulasi hasil penghitungan suara tingkat Panitia Pemilihan Kecamatan (PPK) Tebing Tinggi, Kabupaten Empat Lawang, sempat diwarnai kericuhan, Senin (2/12/2024).",
            "Kericuhan bermula saat sekelompok orang yang mengaku pendukung salah satu pasangan calon memaksa masuk ke ruang pleno. Mereka menuding ada selisih perolehan suara di dua desa.",
            "Petugas keamanan yang berjaga di pintu masuk berusaha menghalangi, namun massa terus mendorong. Beberapa kursi di ruang tunggu sempat dilempar ke arah petugas.",
            "Kapolres Empat Lawang AKBP Dodi Firmansyah mengatakan personel segera mengendalikan situasi dalam waktu kurang dari setengah jam.",
            "\"Lima orang kami amankan ke Mapolres untuk dimintai keterangan. Kami akan usut siapa yang menggerakkan massa,\" kata Dodi.",
            "Ia menegaskan polisi tidak akan menoleransi upaya menghalangi tahapan pemilihan. Setiap keberatan atas hasil penghitungan, lanjutnya, harus disampaikan melalui saksi dan mekanisme yang diatur KPU.",
            "Setelah situasi terkendali, pleno dilanjutkan dengan penjagaan dua kali lipat. Personel tambahan didatangkan dari Polsek Pendopo dan Satuan Samapta.",
            "Ketua PPK Tebing Tinggi Ridwan Hakim menyebut rekapitulasi untuk 29 desa rampung menjelang tengah malam. Seluruh saksi pasangan calon menandatangani berita acara tanpa catatan keberatan.",
            "Kotak suara kemudian dikawal ke Gudang KPU Empat Lawang untuk pleno tingkat kabupaten yang dijadwalkan pekan ini.",
        ]),
    "aceh-utara-psu": dict(
        title="Polres Aceh Utara Amankan Pemungutan Suara Ulang di Dua TPS",
        city="Lhoksukon", published="2024-12-01T13:10:00+07:00", author="Jafaruddin", editor="Mursal Ismail",
        tags=["PSU", "Aceh Utara"], section="Aceh Utara",
        paragraphs=[
            "Polres Aceh Utara menerjunkan 85 personel untuk mengamankan pemungutan suara ulang (PSU) di dua TPS di Kecamatan Tanah Jambo Aye, Minggu (1/12/2024).",
            "PSU digelar atas rekomendasi Panwaslih Aceh Utara setelah ditemukan pemilih yang mencoblos lebih dari satu kali pada hari pemungutan suara.",
            "Kapolres Aceh Utara AKBP Nanang Indra Bakti mengatakan setiap TPS dijaga sepuluh personel, ditambah patroli dari Polsek Tanah Jambo Aye.",
            "\"Alhamdulillah PSU berjalan aman dan tertib. Partisipasi pemilih juga cukup tinggi,\" ujar Nanang.",
            "Penghitungan suara di kedua TPS selesai sekitar pukul 15.00 WIB dan langsung dibawa ke PPK dengan pengawalan polisi.",
        ]),
    "semau-logistik": dict(
        title="Logistik Pilkada ke Pulau Semau Dikawal Personel Brimob",
        city="Kupang", published="2024-11-22T09:30:00+08:00", author="Irfan Hoi", editor="Eflin Rote",
        tags=["Pilkada NTT", "Semau"], section="Kabupaten Kupang",
        paragraphs=[
            "Personel Brimob Polda NTT mengawal pengiriman logistik Pilkada Serentak 2024 dari Pelabuhan Tenau menuju Pulau Semau, Kabupaten Kupang, Jumat (22/11/2024).",
            "Logistik berupa kotak suara, bilik suara dan surat suara untuk Kecamatan Semau dan Semau Selatan diangkut menggunakan kapal motor milik Pemkab Kupang.",
            "Kapolres Kupang AKBP Anak Agung Gde Anom Wirata mengatakan cuaca menjadi tantangan utama karena gelombang di Selat Semau sedang tinggi.",
            "\"Kami sudah berkoordinasi dengan syahbandar. Bila gelombang terlalu tinggi, pengiriman ditunda sampai kondisi aman,\" katanya.",
            "Setibanya di Semau, logistik disimpan di kantor camat dan dijaga bergantian oleh personel Polsek Semau dan Linmas.",
        ]),
    "gowa-demo": dict(
        title="Demo Tolak Hasil Pleno di KPU Gowa, 400 Personel Disiagakan",
        city="Gowa", published="2024-12-05T15:25:00+08:00", author="Sayyid Zulfadli", editor="Sudirman",
        tags=["Gowa", "Unjuk Rasa", "KPU Gowa"], section="Gowa",
        paragraphs=[
            "Ratusan massa yang menamakan diri Aliansi Peduli Demokrasi Gowa berunjuk rasa di depan kantor KPU Gowa, Kamis (5/12/2024).",
            "Massa menolak hasil rapat pleno rekapitulasi tingkat kabupaten dan menuntut pemungutan suara ulang di sejumlah TPS di Kecamatan Bontonompo.",
            "Polres Gowa menyiagakan 400 personel dibantu satu kompi Brimob Polda Sulsel. Kawat berduri dipasang di sepanjang pagar kantor KPU.",
            "Kapolres Gowa AKBP Reonald Simanjuntak meminta massa menyampaikan aspirasi dengan tertib. \"Silakan berorasi, tetapi jangan merusak fasilitas,\" ujarnya.",
            "Perwakilan massa akhirnya diterima komisioner KPU Gowa. Sekitar pukul 14.30 Wita, massa membubarkan diri dengan tertib.",
        ]),
    "lahat-apel": dict(
        title="Polres Lahat Gelar Apel Gelar Pasukan Operasi Mantap Praja Musi 2024",
        city="Lahat", published="2024-09-24T08:50:00+07:00", author="Ehdi Amin", editor="Hendra Saputra",
        tags=["Operasi Mantap Praja", "Polres Lahat"], section="Sumsel",
        paragraphs=[
            "Polres Lahat menggelar apel gelar pasukan Operasi Mantap Praja Musi 2024 di lapangan Mapolres Lahat, Selasa (24/9/2024).",
            "Apel dipimpin Kapolres Lahat AKBP Yusuf Hidayat dan diikuti 420 personel gabungan dari Polri, TNI, Dinas Perhubungan dan Satpol PP.",
            "Dalam amanatnya, Kapolres menyebut operasi berlangsung selama 122 hari dan mencakup seluruh tahapan Pilkada, mulai dari kampanye hingga penetapan calon terpilih.",
            "\"Netralitas adalah harga mati. Saya minta tidak ada satu pun anggota yang ikut berpolitik praktis,\" tegas Yusuf.",
            "Usai apel, Kapolres bersama Forkopimda Lahat mengecek kesiapan kendaraan dan perlengkapan pengamanan.",
        ]),
    "muara-enim-tps-rawan": dict(
        title="Polres Muara Enim Petakan 87 TPS Rawan Jelang Pencoblosan",
        city="Muara Enim", published="2024-11-20T11:05:00+07:00", author="Novi Astuti", editor="Zulkarnain",
        tags=["Muara Enim", "TPS Rawan"], section="Muara Enim",
        paragraphs=[
            "Polres Muara Enim memetakan 87 tempat pemungutan suara (TPS) yang masuk kategori rawan menjelang pemungutan suara Pilkada Serentak 2024.",
            "Kabag Ops Polres Muara Enim Kompol Firdaus Ali mengatakan kerawanan dinilai dari akses jalan, riwayat konflik, dan jarak TPS dari kantor polisi terdekat.",
            "Sebagian besar TPS rawan berada di Kecamatan Semende Darat Ulu dan Tanjung Agung yang berada di daerah perbukitan.",
            "\"Di TPS rawan kami tempatkan dua personel, sedangkan TPS biasa cukup satu personel untuk dua TPS,\" kata Firdaus.",
            "Polres juga menyiapkan tim reaksi cepat di setiap Polsek. Tim ini bergerak bila ada laporan gangguan dari TPS.",
            "Selain itu, Bhabinkamtibmas diminta rutin menyambangi rumah tokoh masyarakat untuk menyampaikan pesan pilkada damai.",
            "Firdaus berharap masyarakat ikut menjaga situasi tetap kondusif dan segera melapor bila menemukan pelanggaran.",
        ]),
    "tanggamus-kotak-suara": dict(
        title="Polres Tanggamus Kawal Kotak Suara ke Pekon Terpencil",
        city="Kota Agung", published="2024-11-24T10:00:00+07:00", author="Sugiono", editor="Wisnu Pramudya",
        tags=["Tanggamus", "Logistik Pilkada"], section="Tanggamus",
        paragraphs=[
            "Polres Tanggamus mengawal distribusi kotak suara Pilkada Serentak 2024 ke sejumlah pekon terpencil di Kecamatan Pematang Sawa, Minggu (24/11/2024).",
            "Perjalanan ditempuh melalui jalur laut dari Kota Agung karena akses darat ke pekon-pekon tersebut belum memadai.",
            "Kasat Samapta Polres Tanggamus AKP Hendra Wijaya mengatakan 30 personel dilibatkan dalam pengawalan tersebut.",
            "\"Kami pastikan logistik tiba utuh dan tepat waktu. Setelah tiba, logistik langsung diserahkan ke PPS,\" kata Hendra.",
        ]),
    "jambi-debat": dict(
        title="Kapolda Jambi Cek Kesiapan Pengamanan Debat Publik Pilgub",
        city="Jambi", published="2024-10-30T18:20:00+07:00", author="Rina Marlina", editor="Doni Irawan",
        tags=["Pilgub Jambi", "Debat Publik"], section="Jambi",
        paragraphs=[
            "Kapolda Jambi Irjen Pol Rusdi Hartono mengecek kesiapan pengamanan debat publik kedua Pemilihan Gubernur Jambi di Hotel Swiss-Belhotel Jambi, Rabu (30/10/2024).",
            "Sebanyak 650 personel disiagakan untuk mengamankan debat yang dihadiri kedua pasangan calon beserta pendukungnya.",
            "“Pendukung hanya boleh masuk sesuai kuota yang ditetapkan KPU. Selebihnya kami arahkan menonton di luar area hotel,” ujar Rusdi.",
            "Ia juga meminta personel lalu lintas mengatur arus kendaraan di sekitar Jalan Sultan Agung agar tidak terjadi kemacetan panjang.",
        ]),
    "jambi-patroli-siber": dict(
        title="Patroli Siber Polresta Jambi Temukan 12 Akun Penyebar Hoaks Pilkada",
        city="Jambi", published="2024-11-18T13:35:00+07:00", author="Dedi Kurniawan", editor="Doni Irawan",
        tags=["Hoaks", "Patroli Siber"], section="Kota Jambi",
        paragraphs=[
            "Satreskrim Polresta Jambi menemukan 12 akun media sosial yang diduga menyebarkan hoaks terkait Pilkada Kota Jambi selama masa kampanye.",
            "Temuan itu merupakan hasil patroli siber yang digelar setiap hari sejak awal masa kampanye. Konten yang disebar antara lain video lama yang diklaim sebagai kecurangan.",
            "Kasat Reskrim Polresta Jambi Kompol Andri Saputra mengatakan akun-akun tersebut sudah dilaporkan ke platform untuk diturunkan.",
            "\"Kami imbau masyarakat tidak mudah membagikan informasi yang belum jelas sumbernya,\" kata Andri.",
            "Polresta Jambi juga bekerja sama dengan Bawaslu Kota Jambi untuk menelusuri pemilik akun yang menyebarkan ujaran kebencian.",
        ]),
    "sumsel-rakor-psu": dict(
        title="Polda Sumsel Gelar Rakor Lintas Sektoral Jelang PSU di Empat Lawang",
        city="Palembang", published="2025-02-14T09:40:00+07:00", author="Humas Polda Sumsel", editor="",
        tags=["PSU", "Empat Lawang", "Rakor"], section="Berita Polda",
        paragraphs=[
            "Polda Sumatera Selatan menggelar rapat koordinasi lintas sektoral persiapan pengamanan pemungutan suara ulang (PSU) Pilkada Empat Lawang di Gedung Presisi Polda Sumsel, Jumat (14/2/2025).",
            "Rakor dipimpin Karo Ops Polda Sumsel Kombes Pol Bambang Sugiarto dan dihadiri perwakilan Kodam II/Sriwijaya, KPU Sumsel, Bawaslu Sumsel serta Pemkab Empat Lawang.",
            "Bambang mengatakan PSU digelar di seluruh TPS di Kabupaten Empat Lawang berdasarkan putusan Mahkamah Konstitusi. Karena itu, pengamanan disiapkan setara dengan hari pemungutan suara.",
            "\"Kami akan menempatkan personel di setiap TPS dan menebalkan penjagaan di wilayah yang pada pemungutan sebelumnya terjadi gesekan,\" ujar Bambang.",
            "Polda Sumsel berencana mengerahkan 1.100 personel, termasuk dua kompi Brimob dari Satbrimob Polda Sumsel.",
            "Ketua KPU Sumsel Andika Saputra menyampaikan distribusi logistik PSU akan dimulai sepekan sebelum hari pemungutan.",
        ]),
    "oku-timur-pleno": dict(
        title="Polres OKU Timur Amankan Pleno Rekapitulasi Tingkat Kabupaten",
        city="Martapura", published="2024-12-06T15:00:00+07:00", author="Humas Polres OKU Timur", editor="",
        tags=["OKU Timur", "Pleno"], section="Berita Polres",
        paragraphs=[
            "Polres OKU Timur mengamankan rapat pleno terbuka rekapitulasi hasil penghitungan suara Pilkada Serentak 2024 tingkat kabupaten di Aula KPU OKU Timur, Jumat (6/12/2024).",
            "Kapolres OKU Timur AKBP Kevin Leleury melalui Kabag Ops Kompol Hermansyah mengatakan 250 personel dikerahkan dalam pengamanan tersebut.",
            "\"Personel kami tempatkan di dalam ruang pleno, di halaman kantor KPU hingga di gudang logistik,\" kata Hermansyah.",
            "Pleno berlangsung tertib dan disaksikan saksi dari seluruh pasangan calon bupati dan wakil bupati.",
        ]),
    "mantap-praja-politik-uang": dict(
        title="Satgas Humas Ops Mantap Praja Ajak Warga Tolak Politik Uang",
        city="Palembang", published="2024-11-21T08:00:00+07:00", author="Humas Polda Sumsel", editor="",
        tags=["Politik Uang", "Operasi Mantap Praja"], section="Berita Polda",
        paragraphs=[
            "Satgas Humas Operasi Mantap Praja Musi 2024 Polda Sumsel mengajak masyarakat menolak praktik politik uang menjelang pemungutan suara Pilkada Serentak 2024.",
            "Ajakan itu disampaikan melalui sosialisasi di Pasar 16 Ilir Palembang. Personel membagikan selebaran berisi ancaman pidana bagi pemberi maupun penerima uang.",
            "Kasatgas Humas AKBP Lina Marlina mengatakan politik uang merusak kualitas demokrasi dan dapat diproses pidana melalui Sentra Gakkumdu.",
            "\"Laporkan bila ada yang membagikan uang atau sembako dengan ajakan memilih calon tertentu,\" ujar Lina.",
        ]),
    "polri-155-ribu": dict(
        title="Polri Kerahkan 155 Ribu Personel Amankan Pencoblosan Pilkada 2024",
        city="Jakarta", published="2024-11-26T12:00:00+07:00", author="Humas Polri", editor="",
        tags=["Pilkada 2024", "Polri"], section="Berita",
        paragraphs=[
            "Polri mengerahkan 155.937 personel untuk mengamankan pemungutan suara Pilkada Serentak 2024 yang digelar pada Rabu, 27 November 2024.",
            "Karo Penmas Divisi Humas Polri Brigjen Pol Trunoyudo Wisnu Andiko mengatakan personel tersebut disebar ke 37 provinsi yang menggelar pemilihan.",
            "Menurut dia, pengamanan TPS menggunakan pola yang disesuaikan dengan tingkat kerawanan. TPS aman dijaga satu personel untuk beberapa TPS, sedangkan TPS sangat rawan dijaga dua personel dibantu TNI dan Linmas.",
            "\"Kami juga menyiapkan pasukan cadangan di setiap Polres dan Polda untuk mengantisipasi gangguan keamanan,\" kata Trunoyudo.",
            "Polri mengimbau masyarakat datang ke TPS dan menggunakan hak pilih tanpa ragu karena aparat keamanan menjamin situasi tetap kondusif.",
        ]),
    "papua-psu-posko": dict(
        title="Kapolri Tinjau Posko Pengamanan PSU Pilgub Papua",
        city="Jayapura", published="2025-08-06T14:30:00+09:00", author="Humas Polri", editor="",
        tags=["PSU Papua", "Kapolri"], section="Berita",
        paragraphs=[
            "Kapolri meninjau posko pengamanan pemungutan suara ulang (PSU) Pemilihan Gubernur Papua di Mapolda Papua, Jayapura, Rabu (6/8/2025).",
            "Di posko tersebut, Kapolri menerima paparan kesiapan pengamanan dari Kapolda Papua Irjen Pol Patrige Renwarin.",
            "Sebanyak 6.000 personel gabungan disiagakan untuk mengamankan PSU di sembilan kabupaten dan kota di Provinsi Papua.",
            "Kapolri meminta personel mengedepankan pendekatan dialogis dan menjaga netralitas selama tahapan PSU berlangsung.",
        ]),
    "palangka-pleno-ppk": dict(
        title="Pleno PPK di Palangka Raya Dijaga Ketat Polisi",
        city="Palangka Raya", published="2024-11-29T13:45:00+07:00", author="Agus Jaya", editor="Ronny Simatupang",
        tags=["Palangka Raya", "Pleno PPK"], section="Palangka Raya",
        paragraphs=[
            "Rapat pleno rekapitulasi hasil penghitungan suara tingkat kecamatan di lima PPK se-Kota Palangka Raya dijaga ketat personel Polresta Palangka Raya, Jumat (29/11/2024).",
            "Kapolresta Palangka Raya Kombes Pol Budi Santosa mengatakan setiap PPK dijaga 20 personel, sementara patroli bergerak di antara kelima lokasi.",
            "\"Pengamanan kami lakukan terbuka dan tertutup. Anggota intelijen juga memantau pergerakan massa di sekitar lokasi pleno,\" ujar Budi.",
            "Pleno di PPK Jekan Raya menjadi yang paling lama karena kecamatan itu memiliki jumlah TPS terbanyak.",
            "Hingga sore hari tidak ada gangguan berarti. Rekapitulasi di seluruh PPK ditargetkan rampung Sabtu malam.",
        ]),
    "kotim-gudang-logistik": dict(
        title="Polres Kotim Siagakan Personel di Gudang Logistik KPU",
        city="Sampit", published="2024-11-12T10:30:00+07:00", author="Rudi Hartono", editor="Ronny Simatupang",
        tags=["Kotawaringin Timur", "Logistik"], section="Kotim",
        paragraphs=[
            "Polres Kotawaringin Timur menyiagakan personel di gudang logistik KPU Kotim di Sampit selama 24 jam sejak logistik Pilkada tiba.",
            "Kapolres Kotim AKBP Sarpani mengatakan penjagaan dilakukan bergantian oleh tiga regu yang masing-masing terdiri atas enam personel.",
            "\"Logistik ini sangat penting. Kami tidak ingin ada kerusakan atau kehilangan sebelum didistribusikan ke kecamatan,\" kata Sarpani.",
            "KPU Kotim menyebut proses sortir dan pelipatan surat suara akan dimulai pekan depan dengan melibatkan 200 pekerja harian.",
        ]),
    "lotim-kampanye": dict(
        title="Polres Lombok Timur Amankan Kampanye Akbar di Selong",
        city="Selong", published="2024-11-20T17:10:00+08:00", author="Fatih Kudus Jaelani", editor="Jelo Ritonga",
        tags=["Lombok Timur", "Kampanye"], section="Lombok Timur",
        paragraphs=[
            "Polres Lombok Timur mengerahkan 500 personel untuk mengamankan kampanye akbar salah satu pasangan calon bupati di Lapangan Nasional Selong, Rabu (20/11/2024).",
            "Kapolres Lombok Timur AKBP Hendro Purwoko mengatakan pengamanan dimulai sejak massa berangkat dari desa masing-masing hingga kembali pulang.",
            "\"Kami atur jalur kedatangan dan kepulangan massa agar tidak bertemu dengan pendukung pasangan calon lain,\" ujar Hendro.",
            "Kampanye yang dihadiri ribuan orang itu berakhir sekitar pukul 16.00 Wita tanpa insiden.",
        ]),
    "mataram-apk": dict(
        title="Bawaslu dan Polisi Tertibkan Alat Peraga Kampanye di Masa Tenang",
        city="Mataram", published="2024-11-24T20:15:00+08:00", author="Ramli Ahmad", editor="Jelo Ritonga",
        tags=["Masa Tenang", "APK"], section="Mataram",
        paragraphs=[
            "Bawaslu Kota Mataram bersama Polresta Mataram dan Satpol PP menertibkan ratusan alat peraga kampanye (APK) pada hari pertama masa tenang, Minggu (24/11/2024).",
            "Penertiban menyasar baliho, spanduk dan bendera pasangan calon yang masih terpasang di jalan protokol hingga gang permukiman.",
            "Ketua Bawaslu Kota Mataram Muhammad Yusril mengatakan sebagian APK sudah dicopot sendiri oleh tim pemenangan sebelum masa tenang.",
            "Personel Polresta Mataram mengawal petugas selama penertiban untuk mencegah gesekan dengan pendukung pasangan calon.",
        ]),
    "bali-pecalang": dict(
        title="Polda Bali Libatkan Pecalang Amankan TPS Pilkada",
        city="Denpasar", published="2024-11-26T09:00:00+08:00", author="Made Dwija Putra", editor="Iswara",
        tags=["Pilkada Bali", "Pecalang"], section="Bali",
        paragraphs=[
            "Polda Bali melibatkan pecalang atau petugas keamanan adat untuk membantu pengamanan tempat pemungutan suara (TPS) pada Pilkada Serentak 2024.",
            "Kapolda Bali Irjen Pol Daniel Adityajaya mengatakan keterlibatan pecalang sudah menjadi tradisi dalam setiap pemilihan di Bali.",
            "“Pecalang sangat memahami kondisi banjar masing-masing. Mereka membantu personel Polri dan Linmas di TPS,” ujar Daniel.",
            "Polda Bali menyiagakan 6.240 personel yang disebar ke sembilan kabupaten dan kota. Pengamanan di Kabupaten Karangasem dan Buleleng mendapat perhatian khusus karena wilayahnya luas.",
        ]),
    "buleleng-rekap": dict(
        title="Pengamanan Rekapitulasi KPU Buleleng Libatkan 300 Personel",
        city="Singaraja", published="2024-12-04T14:20:00+08:00", author="Mudiarta", editor="Iswara",
        tags=["Buleleng", "Rekapitulasi"], section="Buleleng",
        paragraphs=[
            "Polres Buleleng melibatkan 300 personel untuk mengamankan rapat pleno rekapitulasi hasil penghitungan suara tingkat kabupaten di Singaraja, Rabu (4/12/2024).",
            "Kapolres Buleleng AKBP Ida Bagus Widwan Sutadi mengatakan pengamanan dibantu personel Kodim 1609/Buleleng.",
            "Pleno diikuti saksi dua pasangan calon bupati dan berlangsung hingga malam hari.",
            "Selama pleno, arus lalu lintas di depan kantor KPU Buleleng dialihkan untuk menghindari kepadatan.",
        ]),
    "sanur-layang": dict(
        title="Festival Layang-Layang di Sanur Ramai Dikunjungi Wisatawan",
        city="Denpasar", published="2024-07-21T16:00:00+08:00", author="Winatha", editor="Iswara",
        tags=["Festival", "Sanur"], section="Pariwisata",
        paragraphs=[
            "Festival layang-layang tahunan di Pantai Padang Galak, Sanur, ramai dikunjungi wisatawan domestik dan mancanegara, Minggu (21/7/2024).",
            "Ratusan layang-layang tradisional seperti bebean, janggan dan pecukan diterbangkan oleh sekaa dari berbagai banjar di Denpasar.",
            "Panitia festival menyebut jumlah peserta tahun ini meningkat dibanding tahun lalu. Angin yang bertiup kencang membuat layang-layang mudah mengudara.",
            "Wisatawan asal Australia, Emily, mengaku baru pertama kali menyaksikan layang-layang sebesar itu. Ia berencana datang lagi tahun depan.",
        ]),
    "lampung-sispamkota": dict(
        title="Polda Lampung Gelar Simulasi Sispamkota Jelang Pilkada",
        city="Bandar Lampung", published="2024-10-08T10:45:00+07:00", author="Deni Zulniyadi", editor="Sri Agustina",
        tags=["Sispamkota", "Polda Lampung"], section="Bandar Lampung",
        paragraphs=[
            "Polda Lampung menggelar simulasi sistem pengamanan kota (Sispamkota) di Lapangan Saburai, Bandar Lampung, Selasa (8/10/2024).",
            "Simulasi menggambarkan unjuk rasa massa pendukung pasangan calon yang tidak puas dengan hasil penghitungan suara hingga berujung anarkis.",
            "Personel Dalmas, Brimob dan TNI kemudian memperagakan tahapan penanganan, mulai dari negosiasi hingga penggunaan water canon.",
            "Kapolda Lampung Irjen Pol Helmy Santika mengatakan simulasi bertujuan memastikan setiap personel memahami perannya bila situasi serupa terjadi.",
            "\"Kita berharap situasi seperti ini tidak pernah terjadi. Namun personel harus siap,\" kata Helmy.",
        ]),
    "way-kanan-psu": dict(
        title="Polres Way Kanan Kawal Logistik PSU ke Kecamatan Terjauh",
        city="Blambangan Umpu", published="2024-12-03T09:15:00+07:00", author="Sutriaji", editor="Sri Agustina",
        tags=["Way Kanan", "PSU"], section="Way Kanan",
        paragraphs=[
            "Polres Way Kanan mengawal pengiriman logistik pemungutan suara ulang (PSU) ke Kecamatan Kasui yang berjarak sekitar 80 kilometer dari ibu kota kabupaten.",
            "Kapolres Way Kanan AKBP Adanan Mangopang mengatakan logistik dikawal empat personel sejak keluar dari gudang KPU hingga diterima PPS.",
            "PSU digelar di satu TPS setelah Bawaslu menemukan pemilih dari luar daerah yang menggunakan hak pilih tanpa dokumen pindah memilih.",
            "\"Kami juga menyiagakan personel di TPS sejak malam sebelum pemungutan suara,\" ujar Adanan.",
        ]),
    "jayapura-psu": dict(
        title="PSU di Jayapura Berlangsung Aman, 800 Personel Dikerahkan",
        city="Jayapura", published="2025-08-06T17:40:00+09:00", author="Elfira Halifa", editor="Yohanis Kadan",
        tags=["PSU", "Jayapura"], section="Metro",
        paragraphs=[
            "Pemungutan suara ulang (PSU) Pemilihan Gubernur Papua di Kota Jayapura berlangsung aman, Rabu (6/8/2025).",
            "Polresta Jayapura Kota mengerahkan 800 personel yang disebar ke seluruh TPS di lima distrik.",
            "Kapolresta Jayapura Kota AKBP Fredrickus Maclarimboen mengatakan tidak ada gangguan keamanan hingga penghitungan suara selesai.",
            "\"Masyarakat Kota Jayapura sudah dewasa dalam berdemokrasi. Kami berterima kasih atas kerja sama semua pihak,\" ujarnya.",
        ]),
    "mimika-pleno-hujan": dict(
        title="Polres Mimika Amankan Pleno di Tengah Hujan Deras",
        city="Timika", published="2024-12-07T21:05:00+09:00", author="Rahmat Tanjung", editor="Yohanis Kadan",
        tags=["Mimika", "Pleno"], section="Mimika",
        paragraphs=[
            "Polres Mimika tetap menyiagakan personel di sekitar kantor KPU Mimika meski hujan deras mengguyur Timika sepanjang pleno rekapitulasi, Sabtu (7/12/2024).",
            "Kabag Ops Polres Mimika Kompol Ricky Anggoro mengatakan 350 personel dikerahkan dan dibagi dalam dua sif.",
            "Pleno sempat diskors dua jam karena listrik padam. Selama skors, personel memperketat penjagaan di sekitar kotak suara.",
            "Setelah listrik kembali menyala, pleno dilanjutkan hingga larut malam dengan pengawalan ketat.",
        ]),
    "baturaja-gotong-royong": dict(
        title="Warga dan Polisi Gotong Royong Siapkan TPS di Baturaja",
        city="Baturaja", published="2024-11-26T16:30:00+07:00", author="Admin", editor="",
        tags=["OKU", "TPS"], section="Berita",
        paragraphs=[
            "Warga Kelurahan Sekar Jaya, Kecamatan Baturaja Timur, bergotong royong bersama Bhabinkamtibmas Polsek Baturaja Timur menyiapkan TPS 05, Selasa (26/11/2024).",
            "Mereka memasang tenda, menata bilik suara dan membersihkan halaman rumah warga yang dipakai sebagai lokasi pemungutan suara.",
            "Bhabinkamtibmas Aipda Herman Syah mengatakan kegiatan itu sekaligus menjadi sarana menyampaikan pesan Pilkada damai kepada warga.",
            "Ketua KPPS TPS 05 Sumarni berterima kasih atas bantuan warga dan polisi sehingga TPS siap sehari sebelum pencoblosan.",
        ]),
    "kayuagung-patroli-malam": dict(
        title="Polsek Kayuagung Patroli Malam di Gudang Logistik",
        city="Kayuagung", published="2024-11-30", author="", editor="",
        tags=[], section="",
        paragraphs=[
            "Personel Polsek Kayuagung menggelar patroli malam di sekitar gudang logistik KPU Ogan Komering Ilir, Sabtu (30/11/2024).",
            "Patroli dilakukan setiap dua jam untuk memastikan kotak suara hasil rekapitulasi kecamatan tetap aman.",
            "Kapolsek Kayuagung Kompol Indra Lesmana mengatakan petugas juga memeriksa segel pintu gudang dan mengecek kamera pengawas.",
            "“Sampai pleno tingkat kabupaten selesai, gudang logistik dijaga penuh,” ujar Indra.",
        ]),
}


def syndicated(base: dict, *, city: str, lead: str, drop: int = -1, extra: str = "", published: str = "",
               title: str = "", author: str = "", editor: str = "") -> dict:
    """Another outlet's copy of a press release: its own lead, one paragraph
    left out, maybe a closing line of its own."""
    paras = [lead] + list(base["paragraphs"][1:])
    if drop >= 0:
        paras.pop(drop)
    if extra:
        paras.append(extra)
    return dict(base, city=city, paragraphs=paras, published=published or base["published"],
                title=title or base["title"], author=author or base["author"], editor=editor or base["editor"])


STORIES["polri-155-ribu-lampost"] = syndicated(
    STORIES["polri-155-ribu"], city="Bandar Lampung", published="2024-11-26T15:20:00+07:00",
    title="155.937 Personel Polri Diterjunkan Amankan Pilkada Serentak",
    author="Triyadi Isworo", editor="Sri Agustina", drop=4,
    lead="Sebanyak 155.937 personel Polri diterjunkan untuk mengamankan pemungutan suara Pilkada Serentak 2024 yang digelar Rabu, 27 November 2024.",
    extra="Di Lampung, Polda Lampung menyiagakan 9.800 personel untuk mengamankan TPS di 15 kabupaten dan kota.")
STORIES["polri-155-ribu-cepos"] = syndicated(
    STORIES["polri-155-ribu"], city="Jayapura", published="2024-11-26T18:05:00+09:00",
    author="Carolus Daot", editor="Yohanis Kadan",
    lead="Polri mengerahkan 155.937 personel untuk mengamankan pemungutan suara Pilkada Serentak 2024 yang digelar pada Rabu, 27 November 2024.")
STORIES["sumsel-rakor-psu-lintas"] = syndicated(
    STORIES["sumsel-rakor-psu"], city="Palembang", published="2025-02-14T13:00:00+07:00", author="Redaksi",
    editor="", drop=5,
    lead="Polda Sumatera Selatan menggelar rapat koordinasi lintas sektoral untuk persiapan pengamanan pemungutan suara ulang (PSU) Pilkada Empat Lawang di Gedung Presisi Polda Sumsel, Jumat (14/2/2025).")


# --------------------------------------------------------------------------- national and entertainment portals
# Stories for the pages of outlets without a site profile (older layouts of
# national portals, entertainment portals, photo pages). Invented persons.
STORIES.update({
    "detik-polri-250-ribu": dict(
        title="Polri Siagakan 250 Ribu Personel untuk Pilkada Serentak 9 Desember",
        city="Jakarta", published="2015-11-05T09:25:00+07:00", author="Fajar Pratama", editor="Nurul Hidayati",
        tags=["pilkada serentak", "polri"], section="Berita",
        paragraphs=[
            "Mabes Polri menyiagakan sekitar 250 ribu personel untuk mengamankan pemungutan suara Pilkada Serentak yang digelar di 269 daerah pada 9 Desember mendatang. Sepertiga kekuatan itu ditempatkan langsung di tempat pemungutan suara.",
            "Kadiv Humas Polri Irjen Anton Setiawan mengatakan pola pengamanan dibagi berdasarkan tingkat kerawanan tiap daerah. Daerah dengan tingkat kerawanan tinggi mendapat tambahan personel Brimob dari Mabes.",
            "\"Ada 23 kabupaten yang kami masukkan kategori sangat rawan. Di sana satu TPS dijaga dua personel, tidak seperti daerah lain yang satu personel untuk dua TPS,\" kata Anton di Mabes Polri, Jalan Trunojoyo, Jakarta Selatan, Kamis (5/11/2015).",
            "Menurut Anton, Polri juga telah menggelar latihan sistem pengamanan kota di seluruh Polda. Latihan itu mensimulasikan unjuk rasa, perusakan kotak suara hingga penyanderaan petugas penyelenggara.",
            "Selain personel Polri, pengamanan juga dibantu TNI dan unsur perlindungan masyarakat. Mabes Polri mencatat sedikitnya 580 ribu anggota Linmas akan dilibatkan di TPS.",
        ]),
    "detik-patroli-dini-hari": dict(
        title="Jelang Pencoblosan, Polda Metro Gelar Patroli Gabungan hingga Dini Hari",
        city="Jakarta", published="2019-04-17T00:35:00+07:00", author="Audrey Santoso", editor="Rina Wulandari",
        tags=["pemilu 2019", "polda metro jaya", "patroli"], section="Berita",
        paragraphs=[
            "Polda Metro Jaya menggelar patroli gabungan bersama Kodam Jaya hingga dini hari menjelang pemungutan suara Pemilu 2019. Patroli menyisir gudang logistik dan kawasan permukiman padat di lima wilayah kota.",
            "Kabid Humas Polda Metro Jaya Kombes Argo Wibisono mengatakan patroli melibatkan 1.200 personel gabungan. Setiap regu patroli membawa daftar TPS yang dinilai rawan berdasarkan pemetaan intelijen.",
            "\"Kami pastikan tidak ada pergerakan massa maupun upaya intimidasi terhadap pemilih menjelang pagi. Personel bergerak sampai TPS dibuka,\" kata Argo kepada wartawan, Rabu (17/4/2019) dini hari.",
            "Patroli dimulai dari Monas dan berakhir di gudang logistik KPU Jakarta Utara di kawasan Sunter. Di beberapa lokasi, personel sempat menertibkan alat peraga kampanye yang masih terpasang di masa tenang.",
            "Argo menambahkan, situasi Jakarta hingga dini hari terpantau kondusif. Tidak ada laporan gangguan keamanan yang menonjol dari lima polres di wilayah ibu kota.",
        ]),
    "detik-foto-simulasi": dict(
        title="Potret Simulasi Pengamanan Pilkada DKI di Lapangan Monas",
        city="Jakarta", published="2016-11-22T11:40:00+07:00", author="Agung Pambudhy", editor="Agung Pambudhy",
        tags=["foto", "pilkada dki", "simulasi"], section="Foto News",
        paragraphs=[
            "Ribuan personel gabungan TNI-Polri mengikuti simulasi sistem pengamanan kota jelang Pilkada DKI Jakarta 2017 di Lapangan Silang Monas, Jakarta, Selasa (22/11/2016).",
            "Dalam simulasi itu, personel memperagakan penanganan unjuk rasa pendukung pasangan calon yang menolak hasil penghitungan suara.",
            "Pasukan pengendalian massa membentuk barikade untuk menghalau massa yang mencoba merangsek ke kantor KPU.",
            "Petugas pemadam kebakaran turut dilibatkan untuk menjinakkan api dari ban yang dibakar massa dalam skenario simulasi.",
            "Kapolda Metro Jaya memeriksa kesiapan pasukan sebelum simulasi dimulai. Sebanyak 18 ribu personel disiapkan untuk mengamankan Pilkada DKI.",
        ]),
    "merdeka-foto-tps-unik": dict(
        title="Melihat TPS Bertema Pernikahan Adat Betawi di Pilkada DKI",
        city="Jakarta", published="2017-02-15T10:12:00", author="Imam Buhori", editor="Ronald",
        tags=["foto", "pilkada dki", "tps unik"], section="Foto",
        paragraphs=[
            "Pemungutan suara Pilkada DKI Jakarta 2017 digelar serentak di 13.023 TPS. Sejumlah panitia menghias TPS dengan tema unik agar warga tertarik datang menggunakan hak pilihnya.",
            "Petugas KPPS mengenakan pakaian pengantin adat Betawi saat melayani pemilih di TPS 12 Kelurahan Cilandak Barat, Jakarta Selatan, Rabu (15/2/2017).",
            "Pintu masuk TPS dihiasi janur kuning dan ondel-ondel layaknya pesta pernikahan warga Betawi.",
            "Seorang pemilih menunjukkan jarinya yang telah dicelup tinta di depan pelaminan yang dijadikan meja panitia.",
            "Anggota Linmas berjaga di sekitar TPS bersama dua personel Polsek Cilandak yang ditugaskan mengamankan pemungutan suara.",
            "Warga antusias berfoto di depan TPS setelah mencoblos. Panitia menyebut partisipasi pemilih di TPS tersebut mencapai 85 persen.",
            "Penghitungan suara di TPS 12 berlangsung terbuka dan disaksikan saksi dari ketiga pasangan calon hingga sore hari.",
        ]),
    "kompas-psu-lima-daerah": dict(
        title="KPU Jadwalkan Pemungutan Suara Ulang di Lima Daerah",
        city="Jakarta", published="2016-02-23T15:06:38+07:00", author="Ihsanuddin", editor="Sabrina Asril",
        tags=["pilkada serentak", "pemungutan suara ulang", "kpu"], section="Nasional",
        paragraphs=[
            "Komisi Pemilihan Umum menjadwalkan pemungutan suara ulang di lima daerah setelah Mahkamah Konstitusi mengabulkan sebagian gugatan sengketa hasil Pilkada Serentak 2015. Pemungutan suara ulang digelar paling lambat 30 hari setelah putusan dibacakan.",
            "Komisioner KPU Hadar Nafis Gumay mengatakan kelima daerah itu adalah Kabupaten Muna, Kabupaten Halmahera Selatan, Kota Pematangsiantar, Kabupaten Teluk Bintuni, dan Kabupaten Kepulauan Sula.",
            "\"Logistik untuk pemungutan suara ulang sudah kami minta disiapkan oleh KPU kabupaten. Yang paling menantang adalah Teluk Bintuni karena sebagian TPS hanya bisa dijangkau lewat sungai,\" kata Hadar di Gedung KPU, Jakarta, Selasa (23/2/2016).",
            "KPU juga meminta Polri menambah personel pengamanan di daerah yang sempat diwarnai kericuhan. Di Kabupaten Muna, misalnya, kantor KPU setempat sempat dilempari batu oleh massa pendukung salah satu pasangan calon.",
            "Hadar memastikan anggaran pemungutan suara ulang ditanggung pemerintah daerah masing-masing. KPU pusat hanya melakukan supervisi dan pemantauan.",
        ]),
    "kompas-selebriti-bima": dict(
        title="Bima Pradipta Akhirnya Buka Suara soal Kabar Pernikahannya",
        city="Jakarta", published="2016-03-10T18:05:12+07:00", author="Tri Susanto Setiawan", editor="Jodhi Yudono",
        tags=["bima pradipta", "selebriti"], section="Entertainment",
        paragraphs=[
            "Aktor Bima Pradipta akhirnya menanggapi kabar yang menyebut dirinya akan segera menikah dengan kekasihnya, penyanyi Laras Ayuningtyas. Bima mengaku belum ada rencana pernikahan dalam waktu dekat.",
            "\"Doakan saja yang terbaik. Sekarang saya masih fokus syuting film dan belum bicara soal tanggal,\" kata Bima saat ditemui di kawasan Kuningan, Jakarta Selatan, Kamis (10/3/2016).",
            "Kabar pernikahan keduanya ramai dibicarakan setelah Laras mengunggah foto cincin di akun Instagram miliknya. Unggahan itu dibanjiri ucapan selamat dari penggemar dan sesama artis.",
            "Bima tidak membantah bahwa hubungannya dengan Laras sudah direstui kedua keluarga. Namun, ia meminta publik bersabar menunggu kabar resmi dari mereka berdua.",
        ]),
    "tempo-jaga-mk": dict(
        title="Sidang Sengketa Pilkada, Polisi Jaga Ketat Gedung MK",
        city="Jakarta", published="2016-01-12T10:42:00+07:00", author="Istman Musaharun", editor="Elik Susanto",
        tags=["sengketa pilkada", "mahkamah konstitusi"], section="Nasional",
        paragraphs=[
            "Ratusan polisi berjaga di sekitar Gedung Mahkamah Konstitusi di Jalan Medan Merdeka Barat, Jakarta, saat sidang perdana sengketa hasil Pilkada Serentak 2015 dimulai pagi ini. Kendaraan taktis disiagakan di sisi utara gedung.",
            "Kepala Kepolisian Resor Metro Jakarta Pusat Komisaris Besar Hendro Pandowo mengatakan 650 personel dikerahkan untuk mengamankan sidang. Jumlah itu bisa ditambah bila massa pendukung pasangan calon berdatangan.",
            "\"Massa boleh menyampaikan pendapat, tapi tidak boleh mendekati pintu masuk gedung. Kami sudah pasang pagar kawat di depan,\" ujar Hendro.",
            "Mahkamah Konstitusi menerima 147 permohonan sengketa hasil pilkada. Sidang pemeriksaan pendahuluan dijadwalkan berlangsung hingga akhir pekan ini.",
            "Sejak pagi, puluhan orang yang mengaku pendukung pasangan calon dari Sumatera Utara sudah berkumpul di seberang gedung dengan membawa spanduk.",
        ]),
    "republika-politik-uang": dict(
        title="Bawaslu Minta Polri Usut Politik Uang di Pilkada Serentak",
        city="Jakarta", published="2016-02-15T18:20:00+07:00", author="Ahmad Islamy Jamil", editor="Bilal Ramadhan",
        tags=["bawaslu", "politik uang", "pilkada"], section="Politik",
        paragraphs=[
            "Badan Pengawas Pemilu meminta Polri menuntaskan 41 laporan dugaan politik uang yang terjadi selama Pilkada Serentak 2015. Sebagian besar laporan itu hingga kini belum naik ke tahap penyidikan.",
            "Ketua Bawaslu Muhammad Abhan mengatakan laporan tersebut sudah dibahas di Sentra Penegakan Hukum Terpadu. Namun, banyak perkara terhenti karena saksi tidak bersedia memberikan keterangan.",
            "\"Kami berharap kepolisian lebih proaktif. Politik uang merusak kepercayaan publik terhadap hasil pemilihan,\" kata Abhan di Jakarta, Senin (15/2).",
            "Menurut dia, modus politik uang yang paling banyak ditemukan adalah pembagian sembako dan uang tunai pada masa tenang. Bawaslu juga menemukan pemberian voucher pulsa kepada pemilih pemula.",
        ]),
    "okezone-bentrok-kpu": dict(
        title="Polisi Amankan 12 Orang Usai Bentrokan Massa di Kantor KPU",
        city="Jakarta", published="2016-02-23T00:20:00+07:00", author="Achmad Fardiansyah", editor="Risna Nur Rahayu",
        tags=["bentrok", "kpu", "pilkada"], section="News",
        paragraphs=[
            "Polisi mengamankan 12 orang usai bentrokan antara dua kelompok pendukung pasangan calon di depan kantor KPU Kabupaten Muna, Sulawesi Tenggara. Bentrokan pecah saat rapat pleno penetapan hasil pemungutan suara ulang berlangsung.",
            "Kapolda Sulawesi Tenggara Brigjen Pol Agung Sabar Santoso mengatakan belasan orang itu diduga sebagai provokator. Mereka kedapatan membawa senjata tajam dan bom molotov.",
            "\"Situasi sudah kami kendalikan. Dua kompi Brimob kami tempatkan di sekitar kantor KPU sampai pleno selesai,\" ujar Agung saat dihubungi wartawan, Selasa (23/2/2016) dini hari.",
            "Akibat bentrokan itu, tiga sepeda motor dibakar dan kaca depan kantor KPU pecah. Seorang anggota polisi mengalami luka di bagian kepala akibat lemparan batu.",
            "Rapat pleno sempat diskors selama dua jam sebelum dilanjutkan di Mapolres Muna dengan penjagaan ketat.",
        ]),
    "liputan6-kapolri-siaga": dict(
        title="Kapolri Perintahkan Jajaran Siaga Jelang Putusan MK Sengketa Pilkada",
        city="Jakarta", published="2016-02-23T23:30:00+07:00", author="Putu Merta Surya Putra", editor="Raden Trimutia Hatta",
        tags=["kapolri", "mahkamah konstitusi", "pilkada serentak"], section="News",
        paragraphs=[
            "Kapolri Jenderal Badrodin Haiti memerintahkan seluruh jajaran kepolisian di daerah yang bersengketa di Mahkamah Konstitusi untuk siaga penuh. Putusan sengketa hasil Pilkada Serentak dijadwalkan dibacakan pekan ini.",
            "Perintah itu disampaikan melalui telegram yang dikirim ke 17 Polda. Setiap Polda diminta memetakan potensi pengerahan massa setelah putusan dibacakan.",
            "\"Kami belajar dari pengalaman sebelumnya, putusan MK kerap memicu aksi massa di daerah. Karena itu kesiagaan harus ditingkatkan sejak sekarang,\" kata Badrodin di Jakarta, Selasa malam.",
            "Badrodin juga meminta kapolda menjalin komunikasi dengan tokoh masyarakat dan tim pemenangan pasangan calon. Langkah itu dinilai efektif meredam potensi gesekan di lapangan.",
        ]),
    "viva-apel-siaga": dict(
        title="TNI-Polri Gelar Apel Siaga Pengamanan Pilkada Ulang di Halmahera Selatan",
        city="Labuha", published="2016-03-01T11:15:00+07:00", author="Fahrul Marsaoly", editor="Dody Handoko",
        tags=["apel siaga", "halmahera selatan", "pilkada ulang"], section="Politik",
        paragraphs=[
            "Sebanyak 700 personel gabungan TNI dan Polri mengikuti apel siaga pengamanan pemungutan suara ulang Pilkada Halmahera Selatan di Lapangan Salawaku, Labuha. Pemungutan suara ulang digelar di 34 TPS di empat kecamatan.",
            "Kapolda Maluku Utara Brigjen Pol Zulkarnain mengatakan personel akan diberangkatkan ke pulau-pulau terluar menggunakan kapal milik TNI Angkatan Laut dan Polair.",
            "\"Pengalaman pemungutan suara sebelumnya, ada kotak suara yang dibawa lari. Itu tidak boleh terulang,\" kata Zulkarnain dalam amanatnya.",
            "Dandim 1509/Labuha menambahkan, prajurit TNI disiagakan di setiap ibu kota kecamatan sebagai pasukan cadangan. Mereka siap digerakkan bila terjadi gangguan keamanan.",
            "Pemungutan suara ulang di Halmahera Selatan merupakan tindak lanjut putusan Mahkamah Konstitusi atas sengketa hasil Pilkada 2015.",
        ]),
    "merdeka-isu-sara": dict(
        title="Polisi Buru Penyebar Isu SARA Jelang Pilkada DKI",
        city="Jakarta", published="2016-10-20T15:06:00", author="Ronald", editor="Muhammad Sholeh",
        tags=["isu sara", "pilkada dki", "polda metro jaya"], section="Peristiwa",
        paragraphs=[
            "Polda Metro Jaya membentuk tim khusus untuk memburu penyebar isu SARA di media sosial menjelang Pilkada DKI Jakarta 2017. Tim tersebut melibatkan penyidik Subdit Cyber Crime Ditreskrimsus.",
            "Kabid Humas Polda Metro Jaya Kombes Awi Setiyono mengatakan tim sudah mengidentifikasi 16 akun yang diduga menyebarkan ujaran kebencian terhadap pasangan calon tertentu.",
            "\"Kami tidak akan ragu menindak siapa pun yang memecah belah warga Jakarta. Pilkada harus berlangsung damai,\" kata Awi di Mapolda Metro Jaya, Kamis (20/10).",
            "Awi mengimbau masyarakat tidak ikut menyebarkan informasi yang belum jelas kebenarannya. Polisi juga membuka layanan pengaduan bagi warga yang menemukan konten provokatif.",
        ]),
    "sindonews-brimob-rawan": dict(
        title="Polri Kirim 2 SSK Brimob ke Daerah Rawan Konflik Pilkada",
        city="Jakarta", published="2016-02-24T06:30:00+07:00", author="Sucipto", editor="Maman Firmansyah",
        tags=["brimob", "pilkada", "daerah rawan"], section="Nasional",
        paragraphs=[
            "Mabes Polri mengirim dua satuan setingkat kompi Brimob ke Kabupaten Muna dan Kabupaten Teluk Bintuni menjelang pemungutan suara ulang Pilkada. Kedua daerah itu dinilai rawan konflik antarpendukung pasangan calon.",
            "Karo Penmas Divisi Humas Polri Brigjen Pol Agus Rianto mengatakan pasukan diberangkatkan dari Markas Korps Brimob di Kelapa Dua, Depok, pagi ini menggunakan pesawat Hercules.",
            "\"Satu SSK ke Muna, satu SSK ke Teluk Bintuni. Mereka akan bertugas sampai situasi benar-benar kondusif,\" ujar Agus saat dikonfirmasi.",
            "Agus menambahkan, pasukan Brimob akan berada di bawah kendali operasi kapolda setempat. Mereka juga dibekali kemampuan negosiasi untuk meredam massa tanpa kekerasan.",
        ]),
    "suara-malam-tenang": dict(
        title="Malam Tenang Pilkada DKI, 65 Ribu Personel Gabungan Disiagakan",
        city="Jakarta", published="2017-02-14T21:10:00+07:00", author="Agung Sandy Lesmana", editor="Reza Gunadha",
        tags=["pilkada dki", "masa tenang", "pengamanan"], section="News",
        paragraphs=[
            "Sebanyak 65 ribu personel gabungan TNI, Polri dan pemerintah daerah disiagakan pada malam terakhir masa tenang Pilkada DKI Jakarta 2017. Mereka ditempatkan di 13.023 tempat pemungutan suara dan gudang logistik.",
            "Kapolda Metro Jaya Irjen Pol Mochamad Iriawan mengatakan personel mulai bergeser ke TPS sejak sore. Setiap TPS dijaga dua polisi dan dibantu anggota Linmas.",
            "\"Malam ini kami patroli keliling untuk mencegah serangan fajar. Kalau ada yang bagi-bagi uang, langsung tangkap,\" kata Iriawan di Mapolda Metro Jaya, Selasa (14/2/2017) malam.",
            "Polda Metro Jaya juga menyiagakan pasukan pengurai massa di lima titik, termasuk di sekitar kantor KPU DKI di Jalan Salemba Raya.",
            "Iriawan mengimbau warga Jakarta datang ke TPS tanpa rasa khawatir. Ia memastikan situasi ibu kota menjelang pemungutan suara dalam keadaan aman.",
        ]),
    "kapanlagi-konser-amal": dict(
        title="Dinda Maharani Gelar Konser Amal untuk Korban Banjir Garut",
        city="Jakarta", published="2016-05-12T16:45:00+07:00", author="Ayu Pratiwi", editor="Dimas Ardianto",
        tags=["dinda maharani", "konser amal"], section="Showbiz",
        paragraphs=[
            "Penyanyi Dinda Maharani menggelar konser amal untuk membantu korban banjir bandang di Garut, Jawa Barat. Seluruh hasil penjualan tiket konser akan disumbangkan untuk membangun kembali rumah warga.",
            "Konser bertajuk Bersama untuk Garut itu digelar di sebuah gedung pertunjukan di kawasan Senayan. Dinda tampil membawakan 15 lagu, termasuk tiga lagu dari album terbarunya.",
            "\"Saya sedih melihat kabar dari Garut. Ini cara kecil saya untuk membantu teman-teman di sana,\" kata Dinda usai konser, Kamis (12/5/2016).",
            "Sejumlah musisi ikut tampil tanpa dibayar, di antaranya grup band Senja Kala dan penyanyi Raka Wirawan. Panitia mencatat tiket konser terjual habis dua hari sebelum pertunjukan.",
        ]),
    "antara-jabar-rawan": dict(
        title="Polda Jabar Petakan 1.200 TPS Rawan Jelang Pilkada Serentak 2017",
        city="Bandung", published="2016-06-08T11:25:00+07:00", author="Ajat Sudrajat", editor="Tasrief Tarmizi",
        tags=["polda jabar", "tps rawan", "pilkada 2017"], section="Nasional",
        paragraphs=[
            "Kepolisian Daerah Jawa Barat memetakan sedikitnya 1.200 tempat pemungutan suara rawan di tiga daerah yang menggelar Pilkada Serentak 2017, yakni Kota Cimahi, Kota Tasikmalaya dan Kabupaten Bekasi.",
            "Kepala Bidang Humas Polda Jawa Barat Komisaris Besar Yusri Yunus mengatakan pemetaan didasarkan pada catatan kerawanan pada pemilihan sebelumnya dan kondisi geografis.",
            "\"TPS yang sulit dijangkau dan pernah terjadi gesekan kami beri perhatian lebih. Pola pengamanannya berbeda dengan TPS biasa,\" kata Yusri di Bandung, Rabu.",
            "Polda Jawa Barat juga akan menggelar latihan pengamanan bersama Kodam III/Siliwangi menjelang tahapan kampanye. Latihan dijadwalkan berlangsung pada akhir tahun.",
        ]),
})
