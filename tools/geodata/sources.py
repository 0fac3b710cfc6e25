"""Fixed inputs of the GeoData build: which countries, which borders (with published lengths and
their sources), which named places. Every figure cites the original publication it was taken from
(the page named in each `source`; a Wikipedia article as "Wikipedia (xx): Title" or by its URL)."""

COUNTRIES = {
    "PL": "Poland", "UA": "Ukraine", "BY": "Belarus", "LT": "Lithuania", "LV": "Latvia",
    "EE": "Estonia", "FI": "Finland", "RO": "Romania", "MD": "Moldova", "SK": "Slovakia",
    "HU": "Hungary", "RU": "Russia",
    # Western and southern neighbours: allied land that bounds Poland's and Romania's frontier
    # and coasts (Poland–Germany at the Oder lagoon, Romania–Bulgaria on the Black Sea).
    "DE": "Germany", "CZ": "Czechia", "BG": "Bulgaria",
    # The Nordic incidents: Norway's 2025 violations, Denmark's airport closures (and Sweden,
    # which bounds both at sea). Russia's Barents coast comes with RU (clipped at RU_WEST_LIMIT).
    "NO": "Norway", "SE": "Sweden", "DK": "Denmark",
    # The Alaska identification-zone intercepts: the state of Alaska (ISO 3166-2 US-AK, DCW code US.AK),
    # built across the antimeridian by alaska.py.
    "US-AK": "United States (Alaska)",
}
# Neighbours used only to decide which country a coastal islet belongs to (not written out).
ASSIGN_ONLY: dict[str, str] = {}
RU_WEST_LIMIT = 45.0  # degrees east; Russia is clipped to west of this meridian

WIKI = "en.wikipedia.org/wiki/"
# pair: (published km, source, note)
BORDERS = {
    "PL-UA": (535, WIKI + "Borders_of_Poland", "529 km in the other reference there"),
    "PL-BY": (418, WIKI + "Borders_of_Poland", "416 km in the other reference there"),
    "PL-RU": (210, WIKI + "Borders_of_Poland", "Kaliningrad; 232 km in a weak source; 236.3 km land per the 2015 demarcation report"),
    "PL-LT": (104, WIKI + "Borders_of_Poland", ""),
    "PL-SK": (541, WIKI + "Borders_of_Poland", ""),
    "PL-DE": (467, WIKI + "Borders_of_Poland", ""),
    "PL-CZ": (796, WIKI + "Borders_of_Poland", ""),
    "RO-BG": (631, WIKI + "Bulgaria–Romania_border", "mostly the Danube"),
    "UA-BY": (1084, WIKI + "Belarus–Ukraine_border", ""),
    "UA-MD": (1222, "sorocayampiltur.info/en/experienta-in-activitati-de-cooperare-transfrontaliera/ ; " + WIKI + "Moldova–Ukraine_border",
              "955 km land + 267 km river; it.wikipedia gives 939 km"),
    "UA-RO": (580.8, WIKI + "Romania–Ukraine_border",
              "613.8 km total minus 33 km at sea = 580.8 km land and river (292.2 km river)"),
    "UA-RU": (1974, WIKI + "Russia–Ukraine_border", "land border; about 2,295 km including the sea segments"),
    "UA-HU": (137, WIKI + "Hungary–Ukraine_border", ""),
    "UA-SK": (97, WIKI + "Slovakia–Ukraine_border", ""),
    "EE-RU": (294, WIKI + "Estonia–Russia_border", "contested: 338 km (sovereignlimits.com), 324.8 km land+lake+river (ru.wikipedia)"),
    "EE-LV": (343, WIKI + "Estonia–Latvia_border", ""),
    "LV-RU": (214, WIKI + "Latvia–Russia_border",
              "283.6 km after demarcation (baltic-course.com/eng/baltic_states_cis/?doc=139479); it.wikipedia 217 km"),
    "LV-LT": (588, WIKI + "Latvia–Lithuania_border", ""),
    "LV-BY": (172.9, WIKI + "Belarus–Latvia_border", ""),
    "LT-BY": (679, WIKI + "Belarus–Lithuania_border", ""),
    "LT-RU": (273, "sovereignlimits.com/?p=4514", "Kaliningrad; 274.9 km land + 22.2 km sea (en.wikipedia 2023), 227 km (older en.wikipedia), 266 km (de.wikipedia), 285.9 km (2015 demarcation report)"),
    "BY-RU": (1239, WIKI + "Belarus–Russia_border", ""),
    "FI-RU": (1340, WIKI + "Finland–Russia_border", ""),
    "RO-MD": (683, WIKI + "Moldova–Romania_border", ""),
    "RO-HU": (448, WIKI + "Hungary–Romania_border", ""),
    "SK-HU": (679, WIKI + "Hungary–Slovakia_border", ""),
}

# name: (lat, lon, kind, source, note)
PLACES = {
    # Norway's 2025 violations and the Danish/Norwegian airport closures of September 2025.
    "Vardø": (70.3706, 31.1097, "town", WIKI + "Vardø", "Wikipedia infobox figure (70°22′N 31°06′E), not re-checked against a page in this build"),
    "Copenhagen Airport": (55.6181, 12.6561, "airport", WIKI + "Copenhagen_Airport", "EKCH; Wikipedia infobox figure (55°37′05″N 12°39′22″E), not re-checked against the Danish AIP in this build"),
    "Aalborg Airport": (57.0928, 9.8492, "airport", WIKI + "Aalborg_Airport", "EKYT; Wikipedia infobox figure, not re-checked against the Danish AIP in this build"),
    "Billund Airport": (55.7403, 9.1518, "airport", WIKI + "Billund_Airport", "EKBI; Wikipedia infobox figure, not re-checked against the Danish AIP in this build"),
    "Esbjerg Airport": (55.5259, 8.5534, "airport", WIKI + "Esbjerg_Airport", "EKEB; Wikipedia infobox figure, not re-checked against the Danish AIP in this build"),
    "Sønderborg Airport": (54.9644, 9.7917, "airport", WIKI + "Sønderborg_Airport", "EKSB; Wikipedia infobox figure, not re-checked against the Danish AIP in this build"),
    "Skrydstrup Air Base": (55.2256, 9.2639, "airbase", WIKI + "Skrydstrup_Air_Base", "EKSP; Wikipedia infobox figure, not re-checked against the Danish AIP in this build"),
    "Oslo Airport Gardermoen": (60.2028, 11.0839, "airport", WIKI + "Oslo_Airport,_Gardermoen", "ENGM; Wikipedia infobox figure, not re-checked against the Norwegian AIP in this build"),
    "Vaindloo": (59.8167, 26.3583, "island", WIKI + "Vaindloo", "Estonia's northernmost island; Wikipedia infobox 59°48′51″N 26°21′43″E"),
    "Tallinn": (59.437, 24.754, "city", WIKI + "Tallinn", "coordinate as used in the Estonia scenario, not from a cited source [D]"),
    "Helsinki": (60.1699, 24.9384, "city", WIKI + "Helsinki", "Wikipedia infobox figure, not re-checked against a page in this build"),
    "Przewodów": (50.4744, 23.9275, "village", "Wikipedia (de): Przewodów", "50°28′28″N 23°55′39″E"),
    "Przewodów impact site": (50.47099, 23.93432, "impact", "Visegrád 24 (report of 15 Nov 2022)", "[U] unverified"),
    "Kyiv": (50.45, 30.5233, "city", WIKI + "Kyiv", ""),
    "Cherkasy": (49.4444, 32.0597, "city", WIKI + "Cherkasy", ""),
    "Kremenchuk": (49.0667, 33.4167, "city", WIKI + "Kremenchuk", "49°04′N 33°25′E (cs.wikipedia 2007 dump)"),
    "Kamianske": (48.5167, 34.6, "city", WIKI + "Kamianske", "coordinate from the project brief (Wikipedia figure)"),
    "Dnipro": (48.4675, 35.04, "city", WIKI + "Dnipro", ""),
    "Zaporizhzhia": (47.8333, 35.1667, "city", WIKI + "Zaporizhzhia", ""),
    "Nikopol": (47.5667, 34.4, "city", WIKI + "Nikopol,_Ukraine", "coordinate from the project brief (Wikipedia figure)"),
    "Nova Kakhovka": (46.7547, 33.3486, "city", WIKI + "Nova_Kakhovka", "coordinate from the project brief (Wikipedia figure)"),
    "Kherson": (46.6425, 32.625, "city", WIKI + "Kherson", ""),
    "Lviv": (49.8419, 24.0315, "city", WIKI + "Lviv", "coordinate from the project brief (Wikipedia figure)"),
    "Vinnytsia": (49.2333, 28.4833, "city", WIKI + "Vinnytsia", "49°14′N 28°29′E"),
    "Odesa": (46.485722, 30.743444, "city", WIKI + "Odesa", "46°29′8.6″N 30°44′36.4″E"),
    "Kharkiv": (49.9925, 36.2311, "city", WIKI + "Kharkiv", "Wikipedia infobox figure, not re-checked against a page in this build"),
    "Poltava": (49.58944, 34.55139, "city", "Wikipedia (hr): Poltava", "49°35′22″N 34°33′05″E"),
    "Warsaw": (52.23, 21.0111, "city", WIKI + "Warsaw", "Wikipedia infobox figure, not re-checked against a page in this build"),
    "Rzeszów": (50.0333, 22.0, "city", WIKI + "Rzeszów", "Wikipedia infobox figure, not re-checked against a page in this build"),
    "Lublin": (51.25, 22.5667, "city", WIKI + "Lublin", "Wikipedia infobox figure, not re-checked against a page in this build"),
    "Chilia Veche": (45.4167, 29.2833, "village", WIKI + "Chilia_Veche", ""),
    "Pardina": (45.3, 28.966, "village", "datourinfo.eu/node/871.html", ""),
    "Izmail": (45.3517, 28.8364, "city", WIKI + "Izmail", "45°21′06″N 28°50′11″E"),
    "Wohyń": (51.7567, 22.7819, "village", "pl.wikipedia.org/wiki/Wohyń", "drone found 10 Sep 2025"),
    "Mniszków": (51.3708, 20.0342, "village", "Wikipedia (de): Gmina Mniszków", "gmina seat; drone found 10 Sep 2025"),
    "Oleśno": (54.0794, 19.2869, "village", "Wikipedia (de): Oleśno (Powiat Elbląski)", "Elbląg county; drone found 10 Sep 2025"),
    "Wyryki (gmina seat)": (51.5631, 23.0003, "village", "Wikipedia (de): Gmina Wyryki", "stand-in for Wyryki-Wola (no coordinate found)"),
    "Loyew": (51.93333, 30.80111, "town", WIKI + "Loyew", "51°56′00″N 30°48′04″E; Belarus, on the Dnipro where it starts to form the Belarus–Ukraine border"),
    "Dnipro mouth": (46.496389, 32.287222, "river mouth", "Wikipedia (cs): Dněpr", "46°29′47″N 32°17′14″E"),
}
