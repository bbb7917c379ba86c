#!/usr/bin/env python3
"""Generate the bundled sample data file ``assets/sample.ron`` (format v1).

The data describe the international liaison work of the Carnot institutes
network in 2013-2015: offices abroad, the foreign companies they met, the
meetings, notes on each country, and the contracts that followed.  Every
company, person and project is fictional; programmes, agencies and events
named in the country notes are real and described in general terms only.

Python 3.11, standard library only, deterministic (random.Random(2015)).

    python3 scripts/make_sample.py            # writes assets/sample.ron
    python3 scripts/make_sample.py -o FILE    # writes FILE instead
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import re
import sys
import unicodedata
from pathlib import Path

D = dt.date
rng = random.Random(2015)

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "assets" / "sample.ron"

FIRST_DAY = D(2013, 1, 1)
LAST_DAY = D(2015, 12, 31)

# ---------------------------------------------------------------------------
# Zones and countries
# ---------------------------------------------------------------------------

ZONES = [
    ("europe", "Europe"),
    ("north-america", "North America"),
    ("latin-america", "Latin America & Caribbean"),
    ("asia-pacific", "Asia-Pacific"),
    ("middle-east", "Middle East"),
    ("africa", "Africa"),
]

COUNTRY_ZONE = {
    # Europe
    "FR": "europe", "DE": "europe", "AT": "europe", "CH": "europe", "GB": "europe",
    "IE": "europe", "NL": "europe", "BE": "europe", "DK": "europe", "SE": "europe",
    "FI": "europe", "NO": "europe", "IT": "europe", "ES": "europe", "PL": "europe",
    "CZ": "europe",
    # North America
    "US": "north-america", "CA": "north-america",
    # Latin America & Caribbean
    "MX": "latin-america", "BR": "latin-america", "AR": "latin-america",
    "CL": "latin-america", "CO": "latin-america",
    # Asia-Pacific
    "JP": "asia-pacific", "KR": "asia-pacific", "CN": "asia-pacific", "TW": "asia-pacific",
    "SG": "asia-pacific", "IN": "asia-pacific", "AU": "asia-pacific",
    # Middle East
    "IL": "middle-east", "AE": "middle-east", "SA": "middle-east",
    # Africa
    "ZA": "africa", "MA": "africa", "KE": "africa",
}

# ---------------------------------------------------------------------------
# Institutes (34)
# ---------------------------------------------------------------------------

INSTITUTES = [
    # id, name, domain, main city (used in meeting notes)
    ("curie-cancer", "Carnot Curie Cancer", "Health", "Paris"),
    ("pasteur-mi", "Carnot Pasteur Maladies Infectieuses", "Health", "Paris"),
    ("voir-entendre", "Carnot Voir et Entendre", "Health", "Paris"),
    ("icm", "Carnot ICM (brain and spine)", "Health", "Paris"),
    ("calym", "Carnot CALYM (lymphoma)", "Health", "Lyon"),
    ("cea-leti", "Carnot CEA LETI", "ICT", "Grenoble"),
    ("cea-list", "Carnot CEA LIST", "ICT", "Saclay"),
    ("inria", "Carnot Inria", "ICT", "Rocquencourt"),
    ("tsn", "Carnot Télécom & Société numérique", "ICT", "Paris"),
    ("laas", "Carnot LAAS-CNRS", "ICT", "Toulouse"),
    ("energies-futur", "Carnot Énergies du futur", "Energy", "Grenoble"),
    ("ifpen-te", "Carnot IFPEN Transports Énergie", "Energy", "Rueil-Malmaison"),
    ("isifor", "Carnot ISIFoR", "Energy", "Pau"),
    ("esp", "Carnot ESP (Énergie et systèmes de propulsion)", "Energy", "Rouen"),
    ("cirimat", "Carnot CIRIMAT", "Materials", "Toulouse"),
    ("mica", "Carnot MICA", "Materials", "Mulhouse"),
    ("mib", "Carnot MIB (Matériaux et systèmes, Bordeaux)", "Materials", "Bordeaux"),
    ("polynat", "Carnot PolyNat", "Materials", "Grenoble"),
    ("arts", "Carnot ARTS (Arts et Métiers)", "Mechanics", "Angers"),
    ("cetim", "Carnot CETIM", "Mechanics", "Senlis"),
    ("ingenierie-lyon", "Carnot Ingénierie@Lyon", "Mechanics", "Lyon"),
    ("mines", "Carnot M.I.N.E.S", "Mechanics", "Sophia Antipolis"),
    ("chimie-balard", "Carnot Chimie Balard", "Chemistry", "Montpellier"),
    ("3bcar", "Carnot 3BCAR", "Chemistry", "Montpellier"),
    ("ipgg", "Carnot IPGG Microfluidique", "Chemistry", "Paris"),
    ("qualiment", "Carnot Qualiment", "Agri-food", "Nantes"),
    ("irstea", "Carnot Irstea", "Environment", "Montpellier"),
    ("brgm", "Carnot BRGM", "Environment", "Orléans"),
    ("ifremer", "Carnot Ifremer EDROME", "Environment", "Brest"),
    ("iceel", "Carnot ICÉEL", "Environment", "Nancy"),
    ("onera", "Carnot ONERA", "Aeronautics", "Palaiseau"),
    ("vitres", "Carnot VITRES (IFSTTAR)", "Transport", "Marne-la-Vallée"),
    ("cstb", "Carnot CSTB", "Construction", "Champs-sur-Marne"),
    ("star", "Carnot STAR", "Optics & photonics", "Marseille"),
]
INSTITUTE_IDS = [i[0] for i in INSTITUTES]
INSTITUTE_CITY = {i[0]: i[3] for i in INSTITUTES}
HEALTH_INSTITUTES = ["curie-cancer", "pasteur-mi", "voir-entendre", "icm", "calym"]


def inst_short(iid: str) -> str:
    """'Carnot ICM (brain and spine)' -> 'ICM'."""
    name = next(i[1] for i in INSTITUTES if i[0] == iid)
    name = name.removeprefix("Carnot ")
    return re.sub(r"\s*\(.*\)$", "", name)


# ---------------------------------------------------------------------------
# Affiliates (offices and representatives abroad)
# ---------------------------------------------------------------------------

SYDNEY_CLOSED = D(2014, 6, 30)

AFFILIATES = [
    dict(id="boston", name="Carnot office Boston", country="US", city="Boston",
         status="Active", opened=D(2012, 9, 3),
         institutes=HEALTH_INSTITUTES + ["inria", "cea-leti"],
         contact=("Claire Lemaire", "claire.lemaire", "+1 617 555 0142"),
         notes="Covers the US East Coast and GLOBAL CARE's North American programme; most "
               "meetings are with biotech and medtech companies of the Boston-Cambridge cluster."),
    dict(id="san-francisco", name="Carnot office San Francisco", country="US", city="San Francisco",
         status="Active", opened=D(2013, 5, 13),
         institutes=["curie-cancer", "pasteur-mi", "calym", "cea-leti", "cea-list", "inria", "ipgg"],
         contact=("Julien Marchetti", "julien.marchetti", "+1 415 555 0187"),
         notes="West Coast office: Bay Area biotech, diagnostics, software and semiconductors, "
               "plus Southern California medtech. Shares the GLOBAL CARE programme with Boston."),
    dict(id="montreal", name="Carnot office Montréal", country="CA", city="Montréal",
         status="Active", opened=D(2014, 2, 3),
         institutes=["onera", "cirimat", "calym", "pasteur-mi", "icm", "brgm", "vitres"],
         contact=("Geneviève Tremblay", "genevieve.tremblay", "+1 514 555 0123"),
         notes="Covers Canada, with a focus on Québec's aerospace and life-science clusters. "
               "Works in French and English."),
    dict(id="tokyo", name="Carnot office Tokyo", country="JP", city="Tokyo",
         status="Active", opened=D(2012, 4, 2),
         institutes=HEALTH_INSTITUTES + ["cea-leti", "mica", "mib", "energies-futur", "ifpen-te", "vitres"],
         contact=("Hiroshi Sato (佐藤浩)", "hiroshi.sato", "+81 3 5572 8841"),
         notes="Oldest office of the network: health (GLOBAL CARE), materials, automotive and "
               "electronics. Runs thematic seminars with Japanese industry associations."),
    dict(id="seoul", name="Carnot representative Seoul", country="KR", city="Seoul",
         status="Active", opened=D(2014, 1, 13),
         institutes=["cea-leti", "tsn", "mib", "energies-futur", "curie-cancer", "pasteur-mi"],
         contact=("Park Ji-hoon (박지훈)", "jihoon.park", "+82 2 3789 1265"),
         notes="Electronics, materials, automotive and biotech. Helps Korean companies prepare "
               "international joint R&D applications with Carnot institutes."),
    dict(id="singapore", name="Carnot office Singapore", country="SG", city="Singapore",
         status="Active", opened=D(2013, 6, 3),
         institutes=HEALTH_INSTITUTES + ["ipgg", "cea-leti", "irstea", "brgm"],
         contact=("Sophie Tan", "sophie.tan", "+65 6829 4410"),
         notes="Regional office for South-East Asia and, since the Sydney office closed, "
               "Australia. Strong GLOBAL CARE activity around Biopolis."),
    dict(id="shanghai", name="Carnot office Shanghai", country="CN", city="Shanghai",
         status="Active", opened=D(2013, 2, 18),
         institutes=["energies-futur", "vitres", "tsn", "brgm", "pasteur-mi", "chimie-balard", "cea-leti"],
         contact=("Thomas Bernard", "thomas.bernard", "+86 21 6278 3305"),
         notes="Covers mainland China and Taiwan: energy, rail, telecom and pharmaceuticals. "
               "Works with a local consultant on public programme applications."),
    dict(id="bangalore", name="Carnot representative Bangalore", country="IN", city="Bangalore",
         status="Planned", opened=D(2016, 2, 1),
         institutes=["chimie-balard", "pasteur-mi", "ifpen-te", "inria"],
         contact=("Anand Raghavan", "anand.raghavan", "+91 80 4112 7730"),
         notes="Planned for early 2016 to follow pharmaceutical, automotive and IT companies in "
               "India; meetings are handled from Paris and Singapore until then."),
    dict(id="sydney", name="Carnot representative Sydney", country="AU", city="Sydney",
         status="Closed", opened=D(2012, 10, 1),
         institutes=["brgm", "irstea", "curie-cancer"],
         contact=("Olivier Dumas", "olivier.dumas", "+61 2 5550 3412"),
         notes="Closed at the end of June 2014; Australian companies are now followed from "
               "the Singapore office."),
    dict(id="munich", name="Carnot office Munich", country="DE", city="Munich",
         status="Active", opened=D(2012, 11, 5),
         institutes=HEALTH_INSTITUTES + ["arts", "cetim", "ifpen-te", "mines", "onera"],
         contact=("Katrin Müller", "katrin.mueller", "+49 89 2180 4471"),
         notes="Covers Germany, Austria and German-speaking Switzerland: Mittelstand suppliers, "
               "automotive, machinery and medtech. GLOBAL CARE presence at MEDICA."),
    dict(id="london", name="Carnot office London", country="GB", city="London",
         status="Active", opened=D(2013, 9, 2),
         institutes=["curie-cancer", "icm", "pasteur-mi", "onera", "energies-futur", "inria"],
         contact=("Étienne Fournier", "etienne.fournier", "+44 20 7946 0318"),
         notes="UK and Ireland: life sciences in the London-Oxford-Cambridge area, aerospace and "
               "energy. Also sources industrial partners for Carnot Europe consortia."),
    dict(id="brussels", name="Carnot Europe desk Brussels", country="BE", city="Brussels",
         status="Active", opened=D(2013, 3, 4),
         institutes=["cea-list", "brgm", "cstb", "qualiment", "3bcar", "vitres", "polynat"],
         contact=("Isabelle Vandenberghe", "isabelle.vandenberghe", "+32 2 738 0415"),
         notes="Carnot Europe desk: monitors Horizon 2020 calls, runs brokerage sessions and "
               "helps institutes build consortia. Also covers Benelux companies."),
    dict(id="stockholm", name="Carnot representative Stockholm", country="SE", city="Stockholm",
         status="Active", opened=D(2014, 4, 1),
         institutes=["voir-entendre", "energies-futur", "tsn", "polynat", "3bcar", "vitres"],
         contact=("Anna Björklund", "anna.bjorklund", "+46 8 5093 1187"),
         notes="Nordic countries: automotive, telecom, medtech and the bioeconomy, with Medicon "
               "Valley companies on both sides of the Øresund."),
    dict(id="milan", name="Carnot representative Milan", country="IT", city="Milan",
         status="Active", opened=D(2014, 9, 15),
         institutes=["arts", "cetim", "chimie-balard", "qualiment", "ingenierie-lyon", "calym"],
         contact=("Francesca Rinaldi", "francesca.rinaldi", "+39 02 8725 3340"),
         notes="Italy and Spain: automotive suppliers, machinery, pharmaceuticals and agri-food, "
               "with a growing share of Horizon 2020 partner search."),
    dict(id="tel-aviv", name="Carnot representative Tel Aviv", country="IL", city="Tel Aviv",
         status="Active", opened=D(2013, 11, 4),
         institutes=["icm", "voir-entendre", "pasteur-mi", "cea-list", "tsn"],
         contact=("Yael Ben-David", "yael.bendavid", "+972 3 609 4417"),
         notes="Israeli start-ups in medical devices, diagnostics and cybersecurity; several "
               "Eurostars projects prepared with Israeli SMEs."),
    dict(id="sao-paulo", name="Carnot office São Paulo", country="BR", city="São Paulo",
         status="Active", opened=D(2014, 5, 5),
         institutes=["3bcar", "qualiment", "irstea", "brgm", "pasteur-mi"],
         contact=("Mariana Albuquerque", "mariana.albuquerque", "+55 11 3058 2290"),
         notes="Brazil and the Southern Cone: agri-food, bioenergy, mining and pharmaceuticals. "
               "Works closely with FAPESP and EMBRAPII units."),
    dict(id="mexico-city", name="Carnot representative Mexico City", country="MX", city="Mexico City",
         status="Planned", opened=D(2016, 4, 4),
         institutes=["onera", "arts", "ifpen-te"],
         contact=("Alejandro Ibáñez Robles", "alejandro.ibanez", "+52 55 5280 4417"),
         notes="Planned for 2016 to follow automotive and aerospace suppliers in the Bajío region "
               "and pharmaceutical companies in Mexico City."),
    dict(id="dubai", name="Carnot representative Dubai", country="AE", city="Dubai",
         status="Planned", opened=None,
         institutes=["energies-futur", "cstb", "irstea"],
         contact=("Karim Haddad", "karim.haddad", "+971 4 331 8820"),
         notes="Planned office for the Gulf countries: energy, water, construction and health. "
               "Contact designated, premises not chosen yet."),
    dict(id="cape-town", name="Carnot representative Cape Town", country="ZA", city="Cape Town",
         status="Planned", opened=None,
         institutes=["brgm", "pasteur-mi", "qualiment"],
         contact=("Thandiwe Nkosi", "thandiwe.nkosi", "+27 21 418 6632"),
         notes="Planned representative for Southern Africa: mining, agri-food and infectious "
               "disease research."),
]
AFF = {a["id"]: a for a in AFFILIATES}
EMAIL_DOMAIN = "carnot-international.example"


def contact_name(aff_id: str) -> str:
    return AFF[aff_id]["contact"][0]


# ---------------------------------------------------------------------------
# Sectors, topics and companies
# ---------------------------------------------------------------------------

HEALTH_SECTORS = {"Biotech", "Pharma", "Medtech", "Diagnostics"}

# topic, institutes (1-3), descriptors that suit a company working on it (English)
TOPICS: dict[str, list[tuple[str, list[str], list[str]]]] = {
    "Biotech": [
        ("Tumour microenvironment models for immuno-oncology", ["curie-cancer"], ["Oncology Therapeutics", "Immuno-Oncology"]),
        ("Antibody-drug conjugate target validation", ["curie-cancer", "calym"], ["Biologics", "Antibody Therapeutics"]),
        ("CAR-T cell persistence in B-cell lymphoma", ["calym"], ["Cell Therapeutics", "Cell Therapies"]),
        ("Phage-display antibodies against resistant Staphylococcus", ["pasteur-mi"], ["Antibody Therapeutics", "Biologics"]),
        ("AAV gene therapy for inherited retinal dystrophies", ["voir-entendre"], ["Gene Therapies", "Vision Therapeutics"]),
        ("AAV delivery to the inner ear", ["voir-entendre"], ["Gene Therapies", "Hearing Therapeutics"]),
        ("iPSC-derived motor neurons for ALS screening", ["icm"], ["NeuroTherapeutics", "Neurosciences"]),
        ("Live biotherapeutics from the gut microbiome", ["pasteur-mi"], ["Microbiome Therapeutics", "Biosciences"]),
        ("Optogenetic vision restoration", ["voir-entendre"], ["Vision Therapeutics", "Optogenetics"]),
        ("Patient-derived xenografts for diffuse large B-cell lymphoma", ["calym", "curie-cancer"], ["Oncology", "Biosciences"]),
        ("Vaccine adjuvant screening", ["pasteur-mi"], ["Vaccines", "Immunology"]),
        ("Droplet microfluidics for single-cell antibody discovery", ["ipgg", "pasteur-mi"], ["Biologics", "Biosciences"]),
        ("Neuroinflammation targets in multiple sclerosis", ["icm"], ["NeuroTherapeutics", "Neurosciences"]),
    ],
    "Pharma": [
        ("Preclinical models for Parkinson's disease", ["icm"], []),
        ("Epigenetic drug candidates in follicular lymphoma", ["calym"], []),
        ("Antimicrobial resistance screening platform", ["pasteur-mi"], []),
        ("Retinal safety assessment of drug candidates", ["voir-entendre"], []),
        ("Radiosensitisers for proton therapy", ["curie-cancer"], []),
        ("Biomarker strategy for multiple sclerosis trials", ["icm"], []),
        ("Dengue antiviral screening", ["pasteur-mi"], []),
        ("Translational study design in relapsed lymphoma", ["calym", "curie-cancer"], []),
        ("Formulation of poorly soluble APIs", ["chimie-balard"], []),
        ("Continuous-flow synthesis of drug intermediates", ["chimie-balard", "ipgg"], []),
        ("Intravitreal implants for uveitis", ["voir-entendre", "cirimat"], []),
    ],
    "Medtech": [
        ("Retinal implant materials", ["voir-entendre", "cirimat"], ["Vision Devices", "Retinal Systems"]),
        ("Cochlear implant electrode coatings", ["voir-entendre", "cirimat"], ["Hearing Systems", "Hearing Devices"]),
        ("Deep brain stimulation lead design", ["icm", "cea-leti"], ["Neurotech", "Neuromodulation"]),
        ("Wearable EEG for epilepsy monitoring", ["icm", "cea-leti"], ["Neurotech", "Medical Wearables"]),
        ("Patient positioning for proton therapy", ["curie-cancer", "cea-list"], ["Medical Systems", "Radiotherapy Systems"]),
        ("Force feedback for surgical robots", ["cea-list", "laas"], ["Surgical Systems", "Surgical Robotics"]),
        ("Bioresorbable orthopaedic implants", ["cirimat"], ["Implant Technologies", "Orthopedics"]),
        ("Eye-tracking for neurological diagnosis", ["icm", "voir-entendre"], ["Neurotech", "Vision Devices"]),
        ("Adaptive optics retinal imaging", ["voir-entendre", "star"], ["Medical Imaging", "Ophthalmic Imaging"]),
        ("Connected inhaler adherence monitoring", ["cea-leti", "tsn"], ["Medical Devices", "Respiratory Devices"]),
    ],
    "Diagnostics": [
        ("Companion diagnostics for lymphoma trials", ["calym"], ["Molecular Diagnostics", "Diagnostics"]),
        ("Circulating tumour DNA assays", ["curie-cancer"], ["Molecular Diagnostics", "Oncology Diagnostics"]),
        ("Point-of-care test for dengue", ["pasteur-mi"], ["Rapid Diagnostics", "Diagnostics"]),
        ("Multiplex serology for tuberculosis", ["pasteur-mi"], ["Diagnostics", "Serology"]),
        ("Lab-on-chip sepsis detection", ["cea-leti", "pasteur-mi", "ipgg"], ["Diagnostics", "Dx"]),
        ("Blood biomarkers for Alzheimer's disease", ["icm"], ["Biomarkers", "Diagnostics"]),
        ("Digital PCR for minimal residual disease", ["calym", "ipgg"], ["Molecular Diagnostics", "Dx"]),
        ("OCT biomarkers for diabetic retinopathy", ["voir-entendre"], ["Ophthalmic Diagnostics", "Diagnostics"]),
        ("Rapid antimicrobial susceptibility testing", ["pasteur-mi", "ipgg"], ["Rapid Diagnostics", "Diagnostics"]),
    ],
    "Semiconductors": [
        ("FD-SOI process modules for low-power chips", ["cea-leti"], []),
        ("3D integration with through-silicon vias", ["cea-leti"], []),
        ("GaN-on-silicon power transistors", ["cea-leti", "laas"], ["Power Semiconductors"]),
        ("MEMS microphone design", ["cea-leti"], ["MEMS", "Acoustics"]),
        ("Silicon photonics transceivers", ["cea-leti"], ["Photonics"]),
        ("Embedded resistive memory", ["cea-leti"], []),
        ("Infrared image sensor pixels", ["cea-leti", "star"], ["Imaging", "Infrared Systems"]),
        ("Thermal management of power modules", ["laas", "mib"], ["Power Electronics"]),
    ],
    "Software": [
        ("Formal verification of embedded software", ["cea-list", "inria"], []),
        ("Machine learning for predictive maintenance", ["inria", "cea-list"], ["Analytics"]),
        ("Cybersecurity of industrial control systems", ["cea-list", "tsn"], ["Security", "Cyber Security"]),
        ("Natural language processing for customer care", ["inria", "tsn"], ["Language Technologies"]),
        ("Computer vision for quality inspection", ["cea-list", "inria"], ["Vision Systems"]),
        ("Scheduling of cloud workloads", ["inria"], ["Cloud Systems"]),
        ("Privacy-preserving analytics on health data", ["inria", "tsn"], ["Health Analytics"]),
        ("Simulation software for additive manufacturing", ["mines", "inria"], ["Simulation"]),
    ],
    "Telecom": [
        ("Waveform design for 5G", ["cea-leti", "tsn"], ["Wireless"]),
        ("Software-defined networking testbeds", ["tsn", "inria"], ["Networks"]),
        ("Visible light communication", ["tsn"], ["Optical Wireless"]),
        ("Network anomaly detection", ["tsn", "cea-list"], ["Networks"]),
        ("Low-power radio for IoT sensors", ["cea-leti", "tsn"], ["Wireless"]),
        ("Antenna miniaturisation for handsets", ["cea-leti"], ["Antennas"]),
    ],
    "Automotive": [
        ("Li-ion cell ageing models", ["energies-futur", "ifpen-te"], ["Battery Systems"]),
        ("Thermal management of battery packs", ["ifpen-te", "energies-futur"], ["Battery Systems", "Thermal Systems"]),
        ("Engine combustion simulation", ["ifpen-te", "esp"], ["Powertrain", "Engine Technologies"]),
        ("Lightweight composite body parts", ["arts", "ingenierie-lyon"], ["Composites", "Lightweight Structures"]),
        ("Driver monitoring by computer vision", ["cea-list"], ["Vehicle Electronics"]),
        ("Sensor fusion for automated driving", ["cea-list", "vitres", "inria"], ["Vehicle Electronics"]),
        ("Exhaust after-treatment catalysts", ["ifpen-te", "iceel"], ["Emission Systems"]),
        ("Electric motors without rare earths", ["ifpen-te", "mica"], ["E-Drive", "Drive Systems"]),
    ],
    "Aerospace": [
        ("Icing wind tunnel tests", ["onera"], []),
        ("Fatigue and damage tolerance of composites", ["onera", "mines"], ["Composites", "Aerostructures"]),
        ("Additive manufacturing of titanium parts", ["arts", "mines"], ["Aero Components"]),
        ("Fan noise reduction", ["onera", "esp"], ["Propulsion"]),
        ("Structural health monitoring of airframes", ["onera", "cea-list"], ["Aerostructures", "Avionics"]),
        ("Combustor emissions modelling", ["esp", "onera"], ["Propulsion", "Turbines"]),
        ("Thermal barrier coatings for turbine blades", ["cirimat", "onera"], ["Turbines", "Aero Components"]),
    ],
    "Energy": [
        ("Perovskite solar cell stability", ["energies-futur"], ["Solar", "Photovoltaics"]),
        ("Fuel cell membrane durability", ["energies-futur", "cirimat"], ["Fuel Cells", "Hydrogen Systems"]),
        ("Battery storage management for smart grids", ["energies-futur", "inria"], ["Energy Storage", "Grid Systems"]),
        ("Geothermal reservoir characterisation", ["brgm", "isifor"], ["Geothermal", "Geothermal Power"]),
        ("Offshore wind foundation monitoring", ["ifremer", "mines"], ["Wind Systems", "Offshore Wind"]),
        ("CO2 storage site monitoring", ["brgm", "isifor"], ["Carbon Storage", "Subsurface"]),
        ("Polymer flooding for enhanced oil recovery", ["isifor", "ifpen-te"], ["Petroleum", "Oilfield Chemicals"]),
        ("Biomass gasification", ["3bcar", "ifpen-te"], ["Bioenergy", "Renewable Gas"]),
        ("Tidal turbine testing", ["ifremer"], ["Tidal Power", "Marine Energy"]),
    ],
    "Chemicals": [
        ("Bio-based polymers from sugars", ["3bcar", "polynat"], ["Biopolymers", "Polymers"]),
        ("Catalysts for selective oxidation", ["chimie-balard", "iceel"], ["Catalysts", "Catalysis"]),
        ("Membrane separation for process water", ["chimie-balard"], ["Membranes", "Separation"]),
        ("Ionic liquids for metal extraction", ["chimie-balard", "brgm"], ["Process Chemicals"]),
        ("Corrosion inhibitors for pipelines", ["cirimat"], ["Protective Chemicals"]),
        ("Process intensification in microreactors", ["ipgg", "iceel"], ["Fine Chemicals"]),
    ],
    "Materials": [
        ("Ceramic coatings for high-temperature parts", ["cirimat", "onera"], ["Ceramics", "Coatings"]),
        ("Nanocellulose composites", ["polynat"], ["Fibre Materials", "Composites"]),
        ("Metal powders for additive manufacturing", ["mines", "arts"], ["Metal Powders", "Powder Metallurgy"]),
        ("Self-healing polymer coatings", ["mica", "mib"], ["Coatings", "Surface Technologies"]),
        ("Thermoelectric materials", ["mib", "energies-futur"], ["Thermoelectrics"]),
        ("Plasma surface functionalisation", ["mica"], ["Surface Technologies"]),
        ("Glass-ceramic seals for fuel cells", ["cirimat", "energies-futur"], ["Ceramics", "Glass Technologies"]),
    ],
    "Agri-food": [
        ("Shelf-life of dairy products", ["qualiment"], ["Dairy"]),
        ("Plant protein texturisation", ["qualiment", "3bcar"], ["Plant Proteins", "Proteins"]),
        ("Precision irrigation sensors", ["irstea"], ["Agritech", "Irrigation"]),
        ("Listeria detection in processing plants", ["qualiment", "pasteur-mi"], ["Food Safety"]),
        ("Robotics for vineyard work", ["irstea", "laas"], ["Agri Robotics", "Agritech"]),
        ("Post-harvest losses in grain storage", ["qualiment", "irstea"], ["Grains", "Grain"]),
        ("Aquaculture feed from microalgae", ["ifremer", "3bcar"], ["Aquaculture", "Aqua Feeds"]),
    ],
    "Cosmetics": [
        ("Bio-based emollients from oilseeds", ["3bcar", "chimie-balard"], ["Naturals", "Botanicals"]),
        ("Encapsulation of fragrance actives", ["chimie-balard", "mib"], ["Fragrances"]),
        ("Skin microbiome tolerance of preservatives", ["pasteur-mi"], ["Skin Care"]),
        ("Marine actives from algae", ["ifremer"], ["Marine Actives", "Marine Cosmetics"]),
    ],
    "Rail": [
        ("Track condition monitoring", ["vitres", "cea-list"], ["Rail Monitoring"]),
        ("Wheel-rail noise reduction", ["vitres", "ingenierie-lyon"], []),
        ("Pantograph and catenary wear", ["vitres", "mines"], []),
        ("Energy optimisation of rolling stock", ["vitres", "energies-futur"], ["Rolling Stock"]),
    ],
    "Construction": [
        ("Energy performance of building envelopes", ["cstb"], ["Facades", "Building Envelopes"]),
        ("Fire safety of timber structures", ["cstb"], ["Timber Structures"]),
        ("Low-carbon concrete", ["cstb", "mines"], ["Concrete", "Cement Technologies"]),
        ("BIM interoperability", ["cstb", "inria"], ["Digital Construction"]),
        ("Seismic retrofitting of masonry", ["cstb", "brgm"], ["Structures", "Structural Engineering"]),
    ],
    "Industrial machinery": [
        ("Chatter suppression in machine tools", ["arts", "cetim"], ["Machine Tools"]),
        ("Hydraulic component reliability", ["cetim"], ["Hydraulics", "Fluid Power"]),
        ("Fatigue of bolted joints", ["cetim", "mines"], ["Fastening Systems"]),
        ("Robotic machining of large parts", ["arts", "laas"], ["Robotics", "Automation"]),
        ("Ultrasonic inspection of welds", ["cetim", "cea-list"], ["Inspection Systems", "Welding"]),
        ("Condition monitoring of gearboxes", ["cetim", "ingenierie-lyon"], ["Gear Systems", "Drives"]),
    ],
    "Mining": [
        ("Critical metals recovery from tailings", ["brgm", "iceel"], ["Metals"]),
        ("Mine water treatment", ["brgm", "irstea"], ["Mining"]),
        ("3D geological modelling of ore bodies", ["brgm", "mines"], ["Exploration", "Resources"]),
        ("Bioleaching of copper ores", ["brgm"], ["Copper", "Metals"]),
    ],
    "Water & environment": [
        ("Leak detection in water networks", ["irstea", "cea-list"], ["Water Technologies", "Water Networks"]),
        ("Soil remediation by phytotechnologies", ["brgm", "iceel"], ["Remediation", "Environmental"]),
        ("Groundwater modelling for water utilities", ["brgm"], ["Hydrogeology", "Water Resources"]),
        ("Water quality sensors for aquaculture", ["ifremer"], ["Water Sensing", "Aqua Monitoring"]),
        ("Microplastics in coastal waters", ["ifremer"], ["Marine Environmental", "Environmental"]),
        ("Desalination membrane fouling", ["chimie-balard", "irstea"], ["Desalination", "Water Systems"]),
    ],
}

# Topics that only make sense in some countries (coastline, resources, climate, industry).
TOPIC_COUNTRIES = {
    "Tidal turbine testing": {"GB", "CA", "NO", "KR", "NL", "ES", "IE", "DK", "CN", "AU"},
    "Offshore wind foundation monitoring": {"GB", "DE", "DK", "NL", "BE", "NO", "US", "CN", "JP", "KR", "ES", "SE"},
    "Polymer flooding for enhanced oil recovery": {"US", "CA", "SA", "AE", "NO", "BR", "MX", "GB", "AR"},
    "Geothermal reservoir characterisation": {"US", "JP", "DE", "IT", "MX", "KE", "CH", "DK", "CL", "NL", "CN"},
    "CO2 storage site monitoring": {"NO", "CA", "US", "GB", "NL", "AU", "SA", "CN", "DE", "DK", "JP", "AE"},
    "Robotics for vineyard work": {"US", "AU", "IT", "ES", "CL", "AR", "ZA", "DE", "CH", "AT"},
    "Post-harvest losses in grain storage": {"IN", "BR", "AR", "ZA", "MA", "KE", "MX", "CN", "US", "CA", "AU", "IL", "CO", "ES"},
    "Dengue antiviral screening": {"US", "SG", "BR", "IN", "MX", "CO", "TW", "CN", "JP", "GB", "CH", "DE"},
    "Point-of-care test for dengue": {"US", "SG", "BR", "IN", "MX", "CO", "TW", "CN", "JP", "GB", "CH", "DE", "KR"},
    "Aquaculture feed from microalgae": {"NO", "CL", "SG", "IL", "JP", "CN", "DK", "GB", "IE", "ES", "CA", "US", "AU", "KR"},
    "Water quality sensors for aquaculture": {"NO", "CL", "SG", "IL", "JP", "CN", "DK", "GB", "IE", "ES", "CA", "US", "AU", "KR"},
    "Bioleaching of copper ores": {"CL", "ZA", "AU", "CA", "US", "PL"},
}

# Generic English descriptors per sector.
GENERIC_EN = {
    "Biotech": ["Biosciences", "Therapeutics", "Bio", "Biologics"],
    "Pharma": ["Pharmaceuticals", "Pharma", "Life Sciences"],
    "Medtech": ["Medical", "Medical Devices", "MedTech"],
    "Diagnostics": ["Diagnostics", "Dx"],
    "Semiconductors": ["Microsystems", "Semiconductor", "Microelectronics"],
    "Software": ["Software", "Analytics", "Data Systems"],
    "Telecom": ["Networks", "Communications", "Telecom"],
    "Automotive": ["Automotive", "Automotive Systems", "Mobility"],
    "Aerospace": ["Aerospace", "Aero Systems", "Aerostructures"],
    "Energy": ["Energy", "Power Systems", "Energy Technologies"],
    "Chemicals": ["Chemicals", "Specialty Chemicals", "Chemical"],
    "Materials": ["Advanced Materials", "Materials", "Material Sciences"],
    "Agri-food": ["Foods", "Food Ingredients", "Agri-Foods"],
    "Cosmetics": ["Cosmetics", "Beauty", "Skin Care"],
    "Rail": ["Rail Systems", "Railway Technologies", "Rail"],
    "Construction": ["Building Technologies", "Construction", "Engineering"],
    "Industrial machinery": ["Machinery", "Precision Engineering", "Industrial Systems"],
    "Mining": ["Mining", "Resources", "Minerals"],
    "Water & environment": ["Water Technologies", "Environmental", "Water Systems"],
}

LOCAL_DE = {
    "Biotech": ["Biotechnologie", "Biotech"], "Pharma": ["Pharma", "Arzneimittel"],
    "Medtech": ["Medizintechnik"], "Diagnostics": ["Diagnostik"],
    "Semiconductors": ["Halbleitertechnik", "Mikrosysteme"],
    "Automotive": ["Fahrzeugtechnik", "Antriebstechnik"],
    "Industrial machinery": ["Maschinenbau", "Präzisionsmechanik", "Werkzeugmaschinen"],
    "Chemicals": ["Chemie", "Spezialchemie"], "Materials": ["Werkstofftechnik", "Werkstoffe"],
    "Energy": ["Energiesysteme", "Energietechnik"], "Aerospace": ["Luftfahrttechnik"],
    "Rail": ["Bahntechnik"], "Construction": ["Bautechnik"], "Agri-food": ["Lebensmitteltechnik"],
    "Software": ["Software", "Datentechnik"],
}

# Naming rules per country: stems (place-like words), local descriptors, probability of
# using a topic-specific English descriptor, legal suffixes by size, and an optional format.
NAMING = {
    "US": dict(stems=["Bayside", "Harborview", "Cedar Ridge", "Quarry Hill", "Alderbrook", "Brightwater",
                      "Granite Falls", "Copperline", "Mill Creek", "Fairhaven", "Sandpiper", "Blue Heron",
                      "Tamarack", "Redrock", "Lakeshore", "Ironwood", "Cascade Ridge", "Willowbrook",
                      "Saltmarsh", "Juniper Point", "Northgate", "Elm Hollow", "Foxglove", "Silver Lake",
                      "Pine Barrens", "Driftwood", "Larkspur", "Cobblestone", "Kestrel", "Sawtooth",
                      "Bluestem", "Cottonwood", "Osprey", "Stonebridge", "Wildrye", "Maple Hollow",
                      "Longfellow", "Hawthorne", "Beaconridge", "Half Moon", "Embarcadero", "Twin Peaks",
                      "Sausalito", "Carmel Valley", "Sierra Crest", "Mendocino", "Palo Verde", "Saguaro",
                      "Coronado", "Ozark", "Shenandoah", "Piedmont", "Chesapeake", "Allegheny",
                      "Susquehanna", "Cumberland", "Wabash", "Prairie Star", "Wasatch", "Bitterroot",
                      "Cascadia", "Nantucket", "Merrimack", "Monadnock", "Kennebec", "Catskill"],
               spec=0.6,
               suffix={"Startup": ["Inc."], "Sme": ["Inc.", "LLC"], "MidCap": ["Inc.", "Corp."],
                       "Large": ["Corporation", "Inc."]}),
    "CA": dict(stems=["Rideau", "Fraser Valley", "Chinook", "Muskoka", "Fundy", "Algonquin", "Cabot Strait",
                      "Boréal", "Outaouais", "Saint-Laurent", "Charlevoix", "Mauricie", "Gaspésie",
                      "Laurentides"],
               spec=0.6,
               suffix={"Startup": ["Inc."], "Sme": ["Inc."], "MidCap": ["Inc.", "Ltd."], "Large": ["Inc.", "Ltd."]}),
    "MX": dict(stems=["Anáhuac", "Sierra Madre", "Bajío", "Tonalá", "Tepeyac", "Cuauhtémoc", "Chapala"],
               local={"Automotive": ["Autopartes"], "Aerospace": ["Aeroestructuras", "Aeroespacial"],
                      "Agri-food": ["Agroindustrias", "Alimentos"], "Pharma": ["Farmacéutica", "Laboratorios"]},
               spec=0.2, fmt="local_first",
               suffix={"Startup": ["S.A.P.I. de C.V."], "Sme": ["S.A. de C.V."], "MidCap": ["S.A. de C.V."],
                       "Large": ["S.A.B. de C.V.", "S.A. de C.V."]}),
    "BR": dict(stems=["Paulista", "Serra do Mar", "Tietê", "Mantiqueira", "Cerrado", "Piracicaba", "Jatobá",
                      "Ipê", "Paranapanema", "Guanabara", "Caatinga"],
               local={"Agri-food": ["Agroindustrial", "Alimentos"], "Energy": ["Energia", "Bioenergia"],
                      "Pharma": ["Farmacêutica"], "Biotech": ["Biotecnologia"], "Mining": ["Mineração"],
                      "Aerospace": ["Aeroespacial"], "Cosmetics": ["Cosméticos"], "Diagnostics": ["Diagnósticos"]},
               spec=0.2,
               suffix={"Startup": ["Ltda."], "Sme": ["Ltda."], "MidCap": ["S.A.", "Ltda."], "Large": ["S.A."]}),
    "AR": dict(stems=["Pampeana", "Cuyo", "Tandil", "Iguazú"],
               local={"Agri-food": ["Agroindustrial"], "Biotech": ["Biotecnología"], "Energy": ["Energía"]},
               spec=0.2, suffix={"Startup": ["S.R.L."], "Sme": ["S.R.L.", "S.A."], "MidCap": ["S.A."], "Large": ["S.A."]}),
    "CL": dict(stems=["Atacama", "Maipo", "Biobío", "Elqui", "Loa"],
               local={"Mining": ["Minera", "Metalurgia"], "Agri-food": ["Agrícola"], "Energy": ["Energía"]},
               spec=0.2, suffix={"Startup": ["SpA"], "Sme": ["SpA", "S.A."], "MidCap": ["S.A."], "Large": ["S.A."]}),
    "CO": dict(stems=["Magdalena", "Quindío", "Antioquia"],
               local={"Agri-food": ["Agroindustrial"], "Cosmetics": ["Cosméticos"]},
               spec=0.2, suffix={"Startup": ["S.A.S."], "Sme": ["S.A.S."], "MidCap": ["S.A.S.", "S.A."], "Large": ["S.A."]}),
    "JP": dict(stems=["Kanto", "Setouchi", "Hotaka", "Kurobe", "Zao", "Shinano", "Chikuma", "Kiso",
                      "Izumo", "Kumano", "Nasu", "Omi", "Tama", "Echigo", "Kii", "Awaji", "Oze",
                      "Nagara", "Rishiri", "Shirakami", "Aso", "Daisetsu", "Mikawa", "Hida", "Yakushima",
                      "Chita", "Bizen", "Akiyoshi", "Sanuki", "Tango"],
               local={"Semiconductors": ["Denshi", "Precision Optics", "Semiconductor"],
                      "Automotive": ["Motor Components", "Drive Technology"],
                      "Materials": ["Fine Materials", "Ceramics"], "Chemicals": ["Kasei", "Chemical"],
                      "Pharma": ["Seiyaku", "Pharmaceutical"], "Medtech": ["Medical", "Iryo Kiki"],
                      "Diagnostics": ["Bio-Diagnostics", "Diagnostics"], "Biotech": ["Bio", "Life Science"],
                      "Rail": ["Sharyo", "Railway Systems"], "Construction": ["Kensetsu"],
                      "Energy": ["Energy", "Power Systems"], "Industrial machinery": ["Seiki", "Kikai"]},
               spec=0.3,
               suffix={"Startup": ["Inc.", "K.K."], "Sme": ["Co., Ltd."], "MidCap": ["Co., Ltd.", "K.K."],
                       "Large": ["Corporation", "Co., Ltd."]}),
    "KR": dict(stems=["Hanbit", "Saebyeok", "Hanul", "Nuri", "Bitnara", "Hangang", "Seorak", "Gaon",
                      "Jeongseon", "Dasan", "Sobaek", "Odaesan", "Jirisan", "Mugung", "Yeongsan", "Gyeongju",
                      "Woraksan", "Taebaek"],
               local={"Semiconductors": ["Semitech", "Electronics"], "Telecom": ["Telecom", "Networks"],
                      "Automotive": ["Mobility", "Auto Parts"], "Materials": ["Materials", "Chemical"],
                      "Biotech": ["Bio", "Biologics", "Biopharm"], "Medtech": ["Medical", "Meditech"],
                      "Energy": ["Energy", "Power"], "Diagnostics": ["Diagnostics", "Biosensor"]},
               spec=0.3,
               suffix={"Startup": ["Inc."], "Sme": ["Co., Ltd."], "MidCap": ["Co., Ltd."], "Large": ["Corporation"]}),
    "CN": dict(stems=["Taihu", "Minjiang", "Qianjiang", "Songhua", "Xiangjiang", "Huangpu", "Lijiang", "Wuyi",
                      "Tianmu", "Huangshan", "Lushan", "Yuelu", "Jinsha", "Baiyun", "Tianchi", "Dongting"],
               local={"Telecom": ["Telecom Equipment", "Communication Technology"],
                      "Energy": ["New Energy", "Power Equipment"], "Rail": ["Rail Transit Equipment"],
                      "Pharma": ["Pharmaceutical"], "Biotech": ["Biotechnology"],
                      "Construction": ["Construction Engineering"], "Agri-food": ["Food Technology"],
                      "Automotive": ["Auto Parts"], "Diagnostics": ["Medical Diagnostics"],
                      "Water & environment": ["Environmental Technology"]},
               spec=0.0, fmt="cn",
               suffix={"Startup": ["Co., Ltd."], "Sme": ["Co., Ltd."], "MidCap": ["Co., Ltd."], "Large": ["Co., Ltd."]}),
    "TW": dict(stems=["Yushan", "Alishan", "Tamsui", "Zhuwei", "Lanyang", "Beitou"],
               spec=0.5, suffix={"Startup": ["Inc."], "Sme": ["Co., Ltd."], "MidCap": ["Corp.", "Co., Ltd."],
                                 "Large": ["Corp."]}),
    "SG": dict(stems=["Kallang", "Bukit Timah", "Tanjong", "Serangoon", "Pasir Panjang", "Kranji", "Tampines",
                      "Bedok", "Novena", "Punggol", "Seletar", "Marsiling"],
               spec=0.6, suffix={"Startup": ["Pte. Ltd."], "Sme": ["Pte. Ltd."], "MidCap": ["Pte. Ltd."], "Large": ["Ltd."]}),
    "IN": dict(stems=["Deccan", "Cauvery", "Sahyadri", "Narmada", "Konark", "Vindhya", "Nilgiri", "Godavari",
                      "Aravalli", "Malabar", "Kaziranga"],
               spec=0.5, suffix={"Startup": ["Pvt. Ltd."], "Sme": ["Pvt. Ltd."], "MidCap": ["Ltd.", "Pvt. Ltd."],
                                 "Large": ["Ltd."]}),
    "AU": dict(stems=["Gippsland", "Kimberley", "Tasman", "Darling Downs", "Coral Sea", "Pilbara", "Otway"],
               spec=0.6, suffix={"Startup": ["Pty Ltd"], "Sme": ["Pty Ltd"], "MidCap": ["Pty Ltd", "Ltd"], "Large": ["Ltd"]}),
    "DE": dict(stems=["Rheintal", "Isartal", "Neckarau", "Taunus", "Spessart", "Elbtal", "Harzberg", "Altmühl",
                      "Lahntal", "Moselblick", "Fichtelberg", "Ammersee", "Donauried", "Havelland", "Eifel",
                      "Odenwald", "Wendelstein", "Chiemgau", "Westerwald", "Vogelsberg", "Rhön", "Kraichgau",
                      "Lausitz", "Breisgau", "Ruhrtal", "Weserbergland", "Altmark", "Frankenhöhe"],
               local=LOCAL_DE, spec=0.35,
               suffix={"Startup": ["GmbH"], "Sme": ["GmbH"], "MidCap": ["GmbH & Co. KG", "AG"], "Large": ["AG", "SE"]}),
    "AT": dict(stems=["Wachau", "Mühlviertel", "Salzach", "Gesäuse", "Traunsee"],
               local=LOCAL_DE, spec=0.3,
               suffix={"Startup": ["GmbH"], "Sme": ["GmbH"], "MidCap": ["GmbH", "AG"], "Large": ["AG"]}),
    "CH": dict(stems=["Aaretal", "Limmat", "Emmental", "Rigi", "Toggenburg", "Birsig", "Léman", "Jura",
                      "Sarine", "Lavaux", "Engadin", "Ticino"],
               local=LOCAL_DE, spec=0.5,
               suffix={"Startup": ["AG", "GmbH"], "Sme": ["AG", "GmbH"], "MidCap": ["AG"], "Large": ["AG"]}),
    "GB": dict(stems=["Thameside", "Pennine", "Fenland", "Cotswold", "Wealden", "Mersey", "Solent", "Cairngorm",
                      "Tyneside", "Purbeck", "Chiltern", "Severn Vale", "Humber", "Wye Valley", "Mendip",
                      "Quantock", "Lomond", "Trossachs", "Exmoor"],
               spec=0.6, suffix={"Startup": ["Ltd"], "Sme": ["Ltd"], "MidCap": ["Ltd", "plc"], "Large": ["plc"]}),
    "IE": dict(stems=["Liffey", "Burren", "Connemara", "Wicklow"],
               spec=0.6, suffix={"Startup": ["Ltd"], "Sme": ["Ltd"], "MidCap": ["Ltd"], "Large": ["plc"]}),
    "NL": dict(stems=["Waddenzee", "IJssel", "Veluwe", "Delfland", "Maasdal", "Drenthe", "Kennemer",
                      "Amstelland", "Lingewaal"],
               local={"Agri-food": ["Voeding"], "Water & environment": ["Watertechniek"],
                      "Chemicals": ["Chemie"]},
               spec=0.5, suffix={"Startup": ["B.V."], "Sme": ["B.V."], "MidCap": ["B.V."], "Large": ["N.V."]}),
    "BE": dict(stems=["Ardenne", "Scheldeland", "Sambre", "Leie", "Zoniën", "Condroz", "Famenne", "Hesbaye"],
               spec=0.5, suffix={"Startup": ["SPRL", "BVBA"], "Sme": ["SA", "NV"], "MidCap": ["SA", "NV"],
                                 "Large": ["SA", "NV"]}),
    "DK": dict(stems=["Nordhavn", "Limfjord", "Himmerland", "Vesterhav", "Møns Klint", "Kattegat", "Djursland"],
               spec=0.6, suffix={"Startup": ["ApS"], "Sme": ["ApS", "A/S"], "MidCap": ["A/S"], "Large": ["A/S"]}),
    "SE": dict(stems=["Norrland", "Mälardalen", "Vättern", "Göta Älv", "Fjällen", "Ångermanland", "Roslagen",
                      "Siljan"],
               local={"Medtech": ["Medicinteknik"], "Industrial machinery": ["Verkstad"]},
               spec=0.6, suffix={"Startup": ["AB"], "Sme": ["AB"], "MidCap": ["AB"], "Large": ["AB"]}),
    "FI": dict(stems=["Saimaa", "Päijänne", "Oulujoki", "Pohjanmaa", "Koli"],
               spec=0.6, suffix={"Startup": ["Oy"], "Sme": ["Oy"], "MidCap": ["Oy"], "Large": ["Oyj"]}),
    "NO": dict(stems=["Hardanger", "Lofoten", "Sognefjord", "Nordkapp", "Trollheimen"],
               spec=0.6, suffix={"Startup": ["AS"], "Sme": ["AS"], "MidCap": ["AS"], "Large": ["ASA"]}),
    "IT": dict(stems=["Valpadana", "Brianza", "Appennino", "Lario", "Monferrato", "Carso", "Garda", "Sila",
                      "Langhe", "Valtellina", "Murgia"],
               local={"Automotive": ["Componenti Auto"], "Industrial machinery": ["Meccanica", "Macchine Utensili"],
                      "Pharma": ["Farmaceutici"], "Biotech": ["Biotecnologie"], "Cosmetics": ["Cosmetici"],
                      "Agri-food": ["Alimentare"], "Aerospace": ["Aerospazio"]},
               spec=0.2, suffix={"Startup": ["S.r.l."], "Sme": ["S.r.l."], "MidCap": ["S.p.A."], "Large": ["S.p.A."]}),
    "ES": dict(stems=["Cantábrica", "Ebro", "Guadarrama", "Levante", "Duero", "Bierzo", "Moncayo", "Aljarafe"],
               local={"Energy": ["Energías Renovables", "Energía"], "Construction": ["Construcciones", "Ingeniería"],
                      "Rail": ["Ferroviaria"], "Agri-food": ["Alimentaria"], "Biotech": ["Biotecnología"],
                      "Aerospace": ["Aeroestructuras"]},
               spec=0.25, suffix={"Startup": ["S.L."], "Sme": ["S.L."], "MidCap": ["S.A."], "Large": ["S.A."]}),
    "PL": dict(stems=["Mazowsze", "Warta", "Pomorze", "Tatry"],
               local={"Chemicals": ["Chemia"], "Rail": ["Tabor Szynowy"]},
               spec=0.3, suffix={"Startup": ["Sp. z o.o."], "Sme": ["Sp. z o.o."], "MidCap": ["S.A."], "Large": ["S.A."]}),
    "CZ": dict(stems=["Vltava", "Šumava", "Krkonoše"],
               local={"Industrial machinery": ["Strojírny"], "Automotive": ["Automotive"]},
               spec=0.2, suffix={"Startup": ["s.r.o."], "Sme": ["s.r.o."], "MidCap": ["a.s."], "Large": ["a.s."]}),
    "IL": dict(stems=["Carmel", "Galilee", "Negev", "Arava", "Jezreel", "Golan", "Hermon", "Yarkon", "Gilboa",
                      "Tabor", "Ramon", "Meron", "Kinneret"],
               spec=0.7, suffix={"Startup": ["Ltd."], "Sme": ["Ltd."], "MidCap": ["Ltd."], "Large": ["Ltd."]}),
    "AE": dict(stems=["Al Noor", "Al Safa", "Jebel Hafeet", "Al Wasl", "Liwa"],
               spec=0.5, suffix={"Startup": ["FZ-LLC"], "Sme": ["FZ-LLC", "LLC"], "MidCap": ["LLC"], "Large": ["PJSC", "LLC"]}),
    "SA": dict(stems=["Najd", "Hijaz", "Tihama"],
               spec=0.5, suffix={"Startup": ["Co."], "Sme": ["Co."], "MidCap": ["Co."], "Large": ["Co."]}),
    "ZA": dict(stems=["Karoo", "Highveld", "Drakensberg", "Table Bay", "Cederberg"],
               spec=0.6, suffix={"Startup": ["(Pty) Ltd"], "Sme": ["(Pty) Ltd"], "MidCap": ["(Pty) Ltd", "Ltd"],
                                 "Large": ["Ltd"]}),
    "MA": dict(stems=["Souss", "Tafilalet", "Ourika"],
               spec=0.5, suffix={"Startup": ["SARL"], "Sme": ["SARL"], "MidCap": ["S.A."], "Large": ["S.A."]}),
    "KE": dict(stems=["Rift Valley", "Naivasha"],
               spec=0.5, suffix={"Startup": ["Ltd"], "Sme": ["Ltd"], "MidCap": ["Ltd"], "Large": ["Ltd"]}),
}

QC_STEMS = {"Boréal", "Outaouais", "Saint-Laurent", "Charlevoix", "Mauricie", "Gaspésie", "Laurentides"}
QC_LOCAL = {
    "Biotech": ["Biotechnologies", "Thérapeutiques"], "Pharma": ["Laboratoires"],
    "Medtech": ["Technologies médicales"], "Diagnostics": ["Diagnostics"],
    "Aerospace": ["Aérostructures", "Aérospatiale"], "Mining": ["Ressources minérales"],
    "Energy": ["Énergies"], "Software": ["Logiciels"], "Rail": ["Ferroviaire"],
}
CH_FRENCH = {"Léman", "Jura", "Sarine", "Lavaux", "Ticino"}
CN_CITY = {
    "Telecom": ["Shenzhen", "Hangzhou"], "Energy": ["Jiangsu", "Tianjin", "Hefei"],
    "Rail": ["Changzhou", "Qingdao"], "Pharma": ["Shanghai", "Suzhou"], "Biotech": ["Suzhou", "Beijing"],
    "Construction": ["Beijing"], "Agri-food": ["Jinan"], "Automotive": ["Chongqing", "Wuhan"],
    "Diagnostics": ["Hangzhou"], "Water & environment": ["Tianjin"],
}

# Exact number of companies per country and sector.
COUNTRY_SECTORS = {
    "US": {"Biotech": 12, "Pharma": 5, "Medtech": 8, "Diagnostics": 7, "Software": 6, "Semiconductors": 5,
           "Energy": 2, "Aerospace": 3, "Telecom": 1, "Chemicals": 1, "Materials": 1, "Agri-food": 1,
           "Automotive": 2, "Cosmetics": 1, "Construction": 1},
    "CA": {"Biotech": 2, "Pharma": 1, "Medtech": 2, "Diagnostics": 1, "Aerospace": 2, "Mining": 2,
           "Energy": 1, "Software": 1, "Rail": 1},
    "MX": {"Automotive": 2, "Aerospace": 2, "Agri-food": 1, "Pharma": 1},
    "BR": {"Agri-food": 2, "Energy": 2, "Pharma": 1, "Biotech": 1, "Mining": 1, "Aerospace": 1,
           "Cosmetics": 1, "Diagnostics": 1},
    "AR": {"Agri-food": 1, "Biotech": 1, "Energy": 1},
    "CL": {"Mining": 2, "Agri-food": 1, "Energy": 1},
    "CO": {"Agri-food": 1, "Cosmetics": 1},
    "JP": {"Semiconductors": 3, "Automotive": 4, "Materials": 3, "Chemicals": 3, "Pharma": 3, "Medtech": 3,
           "Diagnostics": 2, "Biotech": 2, "Rail": 2, "Construction": 1, "Energy": 1, "Industrial machinery": 1},
    "KR": {"Semiconductors": 3, "Telecom": 1, "Automotive": 2, "Materials": 2, "Biotech": 4, "Medtech": 2,
           "Energy": 1, "Diagnostics": 1},
    "CN": {"Telecom": 2, "Energy": 2, "Rail": 2, "Pharma": 3, "Biotech": 1, "Construction": 1, "Agri-food": 1,
           "Automotive": 1, "Diagnostics": 1, "Water & environment": 1},
    "TW": {"Semiconductors": 3, "Medtech": 1, "Materials": 1},
    "SG": {"Biotech": 3, "Medtech": 2, "Diagnostics": 2, "Semiconductors": 1, "Water & environment": 1,
           "Software": 1, "Agri-food": 1},
    "IN": {"Pharma": 3, "Biotech": 2, "Software": 2, "Automotive": 1, "Diagnostics": 1, "Agri-food": 1},
    "AU": {"Mining": 2, "Biotech": 1, "Medtech": 1, "Agri-food": 1, "Water & environment": 1},
    "DE": {"Automotive": 3, "Industrial machinery": 4, "Chemicals": 3, "Medtech": 4, "Diagnostics": 2,
           "Biotech": 2, "Pharma": 1, "Energy": 2, "Semiconductors": 2, "Aerospace": 1, "Rail": 1, "Materials": 1},
    "AT": {"Industrial machinery": 1, "Materials": 1, "Medtech": 1, "Rail": 1},
    "CH": {"Pharma": 2, "Biotech": 2, "Medtech": 3, "Diagnostics": 1, "Industrial machinery": 1,
           "Materials": 1, "Agri-food": 1},
    "GB": {"Biotech": 4, "Pharma": 2, "Diagnostics": 2, "Medtech": 2, "Aerospace": 2, "Software": 2,
           "Energy": 1, "Rail": 1, "Construction": 1, "Agri-food": 1},
    "IE": {"Medtech": 2, "Agri-food": 1},
    "NL": {"Semiconductors": 1, "Agri-food": 2, "Chemicals": 1, "Medtech": 1, "Biotech": 1,
           "Water & environment": 1, "Energy": 1},
    "BE": {"Biotech": 2, "Chemicals": 2, "Materials": 1, "Construction": 1, "Agri-food": 1},
    "DK": {"Energy": 2, "Biotech": 1, "Pharma": 1, "Diagnostics": 1, "Agri-food": 1},
    "SE": {"Automotive": 1, "Medtech": 2, "Telecom": 1, "Materials": 1, "Biotech": 1, "Industrial machinery": 1},
    "FI": {"Materials": 1, "Telecom": 1, "Chemicals": 1, "Energy": 1},
    "NO": {"Energy": 2, "Agri-food": 1, "Water & environment": 1},
    "IT": {"Automotive": 2, "Industrial machinery": 2, "Pharma": 1, "Biotech": 1, "Cosmetics": 1,
           "Agri-food": 1, "Aerospace": 1},
    "ES": {"Energy": 2, "Construction": 1, "Rail": 1, "Agri-food": 1, "Biotech": 1, "Aerospace": 1},
    "PL": {"Chemicals": 1, "Software": 1, "Rail": 1},
    "CZ": {"Industrial machinery": 1, "Automotive": 1},
    "IL": {"Medtech": 3, "Biotech": 2, "Diagnostics": 2, "Software": 2, "Semiconductors": 1, "Agri-food": 1,
           "Water & environment": 1},
    "AE": {"Energy": 1, "Construction": 1, "Medtech": 1, "Water & environment": 1},
    "SA": {"Chemicals": 1, "Energy": 1},
    "ZA": {"Mining": 2, "Biotech": 1, "Agri-food": 1},
    "MA": {"Agri-food": 1, "Energy": 1},
    "KE": {"Agri-food": 1},
}

SIZE_WEIGHTS = {  # Startup, Sme, MidCap, Large
    "Biotech": (45, 30, 15, 10), "Pharma": (5, 20, 30, 45), "Medtech": (30, 35, 20, 15),
    "Diagnostics": (30, 35, 20, 15), "Software": (40, 30, 15, 15), "Semiconductors": (15, 25, 25, 35),
    "Automotive": (5, 20, 35, 40), "Aerospace": (5, 25, 35, 35), "Energy": (20, 25, 25, 30),
    "Chemicals": (5, 25, 35, 35), "Materials": (20, 35, 30, 15), "Agri-food": (10, 35, 30, 25),
    "Cosmetics": (15, 35, 25, 25), "Telecom": (20, 20, 20, 40), "Rail": (0, 30, 30, 40),
    "Construction": (10, 30, 30, 30), "Industrial machinery": (5, 40, 40, 15), "Mining": (10, 20, 30, 40),
    "Water & environment": (30, 35, 25, 10),
}
SIZES = ["Startup", "Sme", "MidCap", "Large"]


def ascii_slug(text: str) -> str:
    text = text.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("æ", "ae")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# ---------------------------------------------------------------------------
# Country notes (written by the liaison officers; authors are affiliate contacts)
# ---------------------------------------------------------------------------

NOTES = [
    dict(id="us-sbir-sttr", country="US", title="SBIR/STTR: what a foreign research partner can and cannot do",
         tags=["funding", "regulation"], updated=D(2015, 3, 9), author="boston", body="""\
## The programmes in two lines
SBIR (Small Business Innovation Research) and STTR (Small Business Technology Transfer) are the federal set-asides that fund US small businesses in phases: a short feasibility phase, then a larger development phase. NIH, DoD, DOE, NSF and NASA are the agencies our start-up contacts mention most.

## Rules that matter for us
- The awardee must be a US small business, owned and operated in the US. We are never the applicant.
- STTR requires a formal partner that is a US non-profit research institution. A Carnot institute cannot fill that slot.
- Work is expected to be performed in the US. Foreign subcontracts are exceptional and need the agency's approval, with a justification that the expertise is not available in the US.

## How we actually use it
The pattern that works is sequential. The start-up pays for a short feasibility study with us out of seed money; the results strengthen its SBIR application, written with a US university; once the grant is in, we stay on as a supplier of specific tests, materials or characterisation that nobody else offers. Two of our Boston contacts followed exactly this path in 2014.

Do not promise anything about "getting SBIR money to France". Do read the agencies' topic lists when they are published: they are a free map of what federal programmes want, and start-ups appreciate a visit that starts with "this topic fits your roadmap, and here is what we could add"."""),

    dict(id="us-nih-partnering", country="US", title="NIH funding and US academic medical centres",
         tags=["funding", "culture"], updated=D(2014, 10, 21), author="boston", body="""\
NIH is the largest public funder of biomedical research in the world, and most of our GLOBAL CARE counterparts in Boston live on its grants. It matters to us in three ways.

## Foreign components
An NIH grant held by a US investigator can include work done abroad when the expertise or the patient population is not available in the US. This is a "foreign component": it has to be justified in the application and approved by the funding institute, and it adds paperwork at every renewal. It works for cohorts, imaging and unique animal models, not for routine services.

## Direct applications from abroad
Foreign institutions can apply to some NIH funding opportunities, and each announcement says whether foreign applicants are allowed. Success is realistic only when the project cannot be done in the US and a US co-investigator is involved.

## Academic medical centres as partners
- Their technology transfer offices expect to own what their staff invent and to license it; bring our own IP model early.
- Sponsored research agreements are long documents; budget three to six months for the first one.
- Clinical collaborations need IRB approval on their side and CPP approval on ours; plan both calendars together.

## In company meetings
The NIH angle is a useful signal: a start-up whose founders hold NIH grants usually has a strong scientific base but little money for outsourced work until its first institutional round. Time the proposal with the round."""),

    dict(id="us-export-control", country="US", title="Export control: EAR, ITAR and deemed exports",
         tags=["regulation"], updated=D(2015, 5, 12), author="san-francisco", body="""\
US export control applies to technology and technical data, not only to goods, and it follows US-origin items wherever they go. Two regimes cover most of what we see.
- EAR (Export Administration Regulations), run by the Commerce Department, covers dual-use items. Each item has a classification (an ECCN) or falls in the catch-all EAR99.
- ITAR (International Traffic in Arms Regulations), run by the State Department, covers defence articles and services. ITAR-controlled data cannot be shared with us without a licence, full stop.

## Deemed exports
Releasing controlled technology to a foreign national inside the US counts as an export to that person's country. Our researchers visiting a US company lab can therefore trigger a licence requirement even if nothing leaves the building. Ask the company's export compliance officer before the visit, not at the door.

## What to do in practice
- Ask early whether the project involves controlled technology, and get the classification in writing.
- For aerospace, space, semiconductors and some sensors, assume control until shown otherwise.
- Keep controlled data on the systems the contract specifies; no personal laptops.
- Remember the French side as well: the EU dual-use regulation (Regulation 428/2009) and the protection of scientific potential (ZRR) apply to what leaves our labs and to who enters them.

Companies here take this seriously and appreciate partners who raise it first. A project that ignores export control at the proposal stage usually stalls at contract review."""),

    dict(id="us-ip-sponsored-research", country="US", title="IP expectations of US companies in sponsored research",
         tags=["ip", "culture"], updated=D(2014, 6, 3), author="san-francisco", body="""\
US companies, large or small, start from a simple position: "we pay, we own". It comes from their experience with contract research organisations and consultants, and it is in every first draft they send.

## Our usual answer
Carnot institutes are public bodies and keep their background IP. For results (foreground) we offer a menu:
1. ownership by the institute, with an exclusive worldwide licence to the company in its field of use;
2. joint ownership, with an exclusive option for the company on our share;
3. ownership by the company, when the work is a pure service on the company's own technology, priced accordingly.

Option 1 closes most deals. Present it as standard practice of European research organisations, comparable to what US universities do under their own policies, and explain that it protects the company too: nobody else can get a licence in its field.

## Points that take time
- Field of use: ask the business team, not the lawyers, what they sell and plan to sell.
- Royalties or a paid-up licence: start-ups prefer milestones, large companies a one-off fee.
- Publication: 60 to 90 days of review is accepted almost everywhere; longer requests need a reason.
- Governing law: they will propose their state's law; arbitration or a neutral law is an acceptable middle ground.

Bring the licence term sheet to the proposal meeting. Discussing IP after the scientific scope is agreed costs months."""),

    dict(id="us-events", country="US", title="Events worth the trip",
         tags=["events"], updated=D(2015, 1, 19), author="boston", body="""\
A short list of events where we meet companies efficiently. Dates move slightly every year; check before booking.

## Health
- JP Morgan Healthcare Conference, San Francisco, January: not for partnering inside the conference itself, but the whole industry is in town and side meetings are easy to get.
- BIO International Convention, June, in a different city each year: the partnering system is the main tool; book meetings three weeks ahead. The GLOBAL CARE stand has worked well there.
- MassBio and other regional association events in Boston: small, frequent, good for start-ups.

## Technology
- SEMICON West, San Francisco, July: semiconductor equipment and materials; CEA LETI contacts expect us there.
- Regional manufacturing and aerospace shows are less useful; we get better results by visiting companies directly.

## How to prepare
- Load the list of institutes and two-line capability statements into the partnering system before the event.
- One page per institute, in English, with a contact and examples of past industrial work (without confidential names).
- Log every meeting in the file within 48 hours, with the follow-up date.

Most of our US contracts started from a conversation at one of these events, and most of the lost opportunities were simply not followed up. The follow-up column is the one that matters."""),

    dict(id="jp-funding", country="JP", title="Public funding for joint research in Japan",
         tags=["funding"], updated=D(2015, 4, 20), author="tokyo", body="""\
Japanese public research funding is rich but almost entirely domestic: foreign institutes rarely receive money directly. It is still essential to understand, because Japanese companies often run projects with it in parallel with ours.

## Main agencies
- JST (Japan Science and Technology Agency): strategic basic research and industry-academia programmes. JST and ANR have run joint calls in selected fields.
- NEDO (New Energy and Industrial Technology Development Organization): energy, environment and industrial technology, with large programmes led by companies.
- AMED (Japan Agency for Medical Research and Development): created in April 2015 to bring together medical research funding previously spread over several ministries. Our GLOBAL CARE contacts are still learning how it works.
- JSPS (Japan Society for the Promotion of Science): grants-in-aid and fellowships, including postdoctoral fellowships for foreign researchers.

## Public research counterparts
AIST (産業技術総合研究所, National Institute of Advanced Industrial Science and Technology) is the closest equivalent to a Carnot-type applied research organisation and a frequent partner of the companies we meet. RIKEN is the reference for life sciences and physics.

## What works for us
- The company funds the collaboration with us from its own R&D budget, sometimes alongside a NEDO or JST project at home.
- A company researcher spends a year in a Carnot lab; this often precedes a contract.
- Timing: budgets are set for the fiscal year starting in April. A proposal that arrives after December is usually for the next fiscal year."""),

    dict(id="jp-decision-cycle", country="JP", title="How decisions are made: from first visit to contract",
         tags=["culture"], updated=D(2014, 11, 12), author="tokyo", body="""\
Expect twelve to eighteen months between a first meeting and a signed contract with a large Japanese company. This is not a sign of low interest.

## The process
1. First visit: exchange of business cards (名刺, meishi), presentations on both sides, many questions, no commitment. Bring printed material in Japanese if possible.
2. Technical follow-up: the research team visits the French lab; the visit report circulates widely inside the company.
3. Internal consensus: the working level prepares the proposal, and approval goes through a ringi (稟議) document that collects the seals of every department concerned. Nemawashi, the informal groundwork before the formal decision, is where the real discussion happens.
4. Contract: the legal department starts from its own template, in Japanese or English.

## Practical advice
- Identify who writes the ringi: usually a section manager, not the most senior person attending the meetings.
- Answer every technical question in writing, quickly and completely. The answers end up in the approval file.
- Do not push for a date. Ask instead what information the team still needs for its internal explanation.
- Trading houses (総合商社, sōgō shōsha) can introduce us and sometimes act as intermediaries for smaller companies, but for R&D contracts the company usually wants a direct relationship.

Once signed, Japanese partners are loyal and renewals are common. The slow start is an investment."""),

    dict(id="jp-joint-ip", country="JP", title="Joint ownership of results under Japanese practice",
         tags=["ip", "regulation"], updated=D(2015, 7, 7), author="tokyo", body="""\
Joint research agreements (共同研究契約) in Japan traditionally end with co-owned patents. Companies and universities both expect it, and our proposals should be ready for it.

## Why co-ownership is tricky
Under the Japanese Patent Act, each co-owner may work a jointly owned patent without the consent of the others unless the contract says otherwise, but cannot license it to a third party without their consent. For a company that manufactures, co-ownership is attractive: it can use the invention freely. For a research institute that does not manufacture, co-ownership without specific clauses is worth very little.

## The Japanese answer: compensation for non-use
Japanese universities ask companies for compensation because they do not work the invention themselves (不実施補償, fujisshi hoshō). Companies know the concept, even if many resist paying. Using the same vocabulary helps: our request is not exotic, it is what their own universities ask.

## Our negotiation points
- Co-ownership accepted, with a licence fee or royalty when the company exploits the results.
- Right for the institute to license to third parties outside the company's field after a period of non-use.
- Patent filing and maintenance costs shared in proportion to ownership shares.
- Publication after review; Japanese companies are usually reasonable on this point.

Have the clauses translated and explained to the company's IP department early; it is often the slowest step."""),

    dict(id="jp-events", country="JP", title="Trade fairs and seminars in Japan",
         tags=["events"], updated=D(2014, 3, 4), author="tokyo", body="""\
## Fairs
- BioJapan (Yokohama, autumn): the main partnering event for life sciences. GLOBAL CARE has had a joint stand; the partnering system gives access to large pharma and to many mid-sized companies that never travel to US events.
- CEATEC JAPAN (Makuhari Messe, autumn): electronics, IT and components. Useful for CEA LETI, CEA LIST and Télécom & Société numérique.
- nano tech (Tokyo Big Sight, winter): nanomaterials and surface technologies, with strong attendance from materials and chemical companies.

## How to use them
Japanese visitors rarely commit at a stand. The value of a fair is the stack of business cards and the follow-up visits it makes possible. Plan two or three days after each fair for company visits in the Tokyo or Osaka area.

## Seminars
Small seminars organised with the French embassy's science service or a Japanese industry association work better than large events. A half-day seminar on one theme, with two Carnot researchers and one Japanese company presenting a past collaboration, attracts the right level of people. Send invitations in Japanese six weeks ahead and follow up by phone.

## Material to prepare
- One-page Japanese summaries for each institute.
- A bilingual business card for each visiting researcher.
- A Japanese version of our standard non-disclosure agreement, checked by the head office legal team.

A seminar without a follow-up visit programme is a wasted seminar: book the visits before the event."""),

    dict(id="de-zim", country="DE", title="ZIM and other support for German SMEs working with us",
         tags=["funding"], updated=D(2014, 9, 22), author="munich", body="""\
German SMEs are used to public co-funding for cooperation with research organisations, and they often ask whether it can cover work done in France.

## ZIM
The Central Innovation Programme for SMEs (Zentrales Innovationsprogramm Mittelstand, ZIM), run by the Federal Ministry for Economic Affairs, funds R&D projects of SMEs and their cooperation with research institutions. It is open to all technologies and sectors, with rolling applications: there is no call deadline to wait for.
- ZIM has supported international cooperation projects in which a foreign partner takes part with its own national funding, including through bilateral calls with partner countries.
- As a rule the German side funds the German partners; a foreign research partner needs its own funding or is paid by the company as a subcontractor. Check the current rules for subcontracts abroad before putting one in a proposal.

## Other instruments
- Industrial collective research (IGF), organised through the AiF research associations: pre-competitive projects for a whole sector.
- BMBF programmes such as KMU-innovativ for SMEs in key technologies.
- Regional programmes in Bavaria and Baden-Württemberg.

## Our angle
German SMEs know these programmes well and are efficient applicants. Two routes work:
- the company applies to ZIM with a German institute and subcontracts a specific piece to a Carnot institute;
- the company and a Carnot institute join a Eurostars or Horizon 2020 project together.
Our Munich contacts find the second route easier to explain and more durable."""),

    dict(id="de-landscape", country="DE", title="The German applied research landscape",
         tags=["culture"], updated=D(2013, 11, 18), author="munich", body="""\
Germany's public research is organised in large families, and companies compare us with them.
- Fraunhofer: applied research for industry, financed to a large extent by contracts with companies and public projects. The Carnot label was designed with this model in mind, and German companies immediately understand a Carnot institute when we describe it as comparable to a Fraunhofer institute.
- Max Planck: basic research, excellent, rarely a direct industrial partner.
- Helmholtz centres: large infrastructures (energy, health, aeronautics with DLR, materials).
- Leibniz institutes: a mixed portfolio, from basic to applied.
- Universities, often with industrial chairs and affiliated institutes close to them.

## Consequences for us
- In Bavaria and Baden-Württemberg, a company that wants applied research has a Fraunhofer institute nearby. We do not compete on proximity; we compete on specific expertise, equipment, or a combination of institutes that no single German institute offers.
- Price comparison is direct and precise. German purchasers ask for a breakdown by person-month and equipment.
- German companies expect written technical specifications and detailed work plans with milestones. A vague proposal is read as a lack of competence.

## Where we win
Health (neurology, ophthalmology, infectious diseases), some materials topics, and projects that combine clinical research and engineering. Fraunhofer institutes are also frequent partners in European consortia, and a good relationship with them helps our Horizon 2020 proposals."""),

    dict(id="de-mittelstand", country="DE", title="Working with the Mittelstand",
         tags=["culture", "events"], updated=D(2015, 6, 15), author="munich", body="""\
The Mittelstand (family-owned, often export-oriented small and mid-sized companies) is the heart of our German portfolio, especially in machinery, automotive supply and medical technology.

## What to expect
- Decisions are taken by the owner or the managing director (Geschäftsführer). If neither is in the room, the meeting was a presentation, not a negotiation.
- Long-term thinking: they prefer a reliable partner for ten years to a cheap one for one project.
- Language: English is fine with engineers; contracts and internal reports may be in German. A German summary of our proposal is always appreciated.
- Punctuality and precise follow-up: send the minutes within two days.

## Trade fairs
- Hannover Messe (April): industrial technology, automation, energy.
- MEDICA (Düsseldorf, November): medical devices; the GLOBAL CARE institutes meet many medtech SMEs there.
- automatica and electronica (Munich, every two years): robotics and electronics.
- analytica (Munich, every two years): laboratory technology and diagnostics.

## Networks
Industry associations (VDMA for machinery, ZVEI for the electrical industry, SPECTARIS for medical and optical technology) and regional clusters (Bayern Innovativ, BioM in Munich) organise technology days where foreign research organisations are welcome if they come with concrete offers.

## Tip
The Mittelstand is conservative about new partners but very open about technical problems. Starting with a specific test or measurement campaign is the best way in."""),

    dict(id="gb-innovate-uk", country="GB", title="Innovate UK, Catapults and KTPs",
         tags=["funding"], updated=D(2015, 2, 2), author="london", body="""\
The UK funds business-led innovation through Innovate UK, the name adopted in 2014 by the former Technology Strategy Board.

## Instruments
- Collaborative R&D competitions: business-led projects with academic or research partners, by theme. UK partners are funded; foreign partners can sometimes take part at their own cost or as subcontractors.
- Catapult centres: technology and innovation centres for industry (high value manufacturing, cell and gene therapy, offshore renewable energy, satellite applications and others). They are the closest UK equivalent to applied research institutes, and partners or competitors depending on the topic.
- Knowledge Transfer Partnerships (KTP): a graduate works in a company on a project supervised by a UK university. Not open to us, but a good indicator of which companies already work with academia.
- Biomedical Catalyst: for life-science SMEs and academics, run with the Medical Research Council.

## How we use this
- Catapults: a joint approach to a UK company is possible where our expertise is complementary, and several of them are partners in European consortia with us.
- UK SMEs funded by Innovate UK sometimes need a capability not available in the UK; a subcontract to a Carnot institute can then fit the rules of the competition.
- Horizon 2020: UK companies and universities are very active, and our London contacts help Carnot Europe find consortium partners.

Scheme names and rules change often: check the current competitions before advising a company."""),

    dict(id="gb-rd-tax", country="GB", title="UK R&D tax reliefs compared with the French CIR",
         tags=["tax"], updated=D(2014, 12, 8), author="london", body="""\
UK companies compare our prices with what R&D costs them after tax relief, so we need to know the UK system and to explain ours.

## UK reliefs
- SME scheme: an enhanced deduction on qualifying R&D costs, with a payable credit for loss-making SMEs. Start-ups rely on it heavily.
- RDEC (Research and Development Expenditure Credit) for large companies, introduced in 2013 as an "above the line" credit and replacing the old large-company scheme after a transition period.
- Patent Box, phased in from 2013: a reduced rate of corporation tax on profits from patented inventions.

## Subcontracting to us
Under the SME scheme, payments to subcontractors qualify only in part; under RDEC, subcontracted R&D is generally not eligible unless the subcontractor is a qualifying body such as a university. The rules are detailed and change: always tell the company to check with its adviser.

## The French CIR as an argument
For UK groups with a French subsidiary, the French research tax credit (Crédit d'Impôt Recherche) is attractive: 30% of eligible R&D expenses up to a high ceiling, and expenses subcontracted to approved public research organisations such as Carnot institutes count double, within limits. A project placed by the French subsidiary can cost much less than the same project run in the UK.

## Pitch
Do not suggest that the CIR applies to a UK company without a French presence. Present it to groups that already have a French entity, and offer a call with the head office CIR contact (see the FR note on the CIR)."""),

    dict(id="gb-universities", country="GB", title="Competing and partnering with UK universities",
         tags=["culture", "ip"], updated=D(2013, 12, 2), author="london", body="""\
UK universities are active and well organised in industrial partnerships: most have a research and enterprise office, a technology transfer company and a portfolio of industrial chairs. They are the first option for a UK company, and they are also good partners for us in European consortia.

## How companies choose
- Proximity and existing relationships matter; many companies sponsor PhD students in a nearby university.
- Price: universities can be cheap on small projects because research councils fund the underlying capability; on larger projects, full economic costing makes them comparable to us.
- IP: the Lambert model agreements, template collaboration agreements for industry-university projects, are well known to companies. Referring to them speeds up our own negotiations.

## Where we add value
- Access to clinical networks and cohorts in France (neurology, ophthalmology, lymphoma, infectious diseases).
- Large platforms: microelectronics clean rooms, wind tunnels, engine test benches.
- A single entry point for a multidisciplinary question.

## Practical
- Cambridge, Oxford and London form a dense triangle for life sciences; the Midlands and the North for manufacturing and automotive; Scotland and the North Sea coast for energy.
- UK companies respond well to short, direct e-mails proposing a concrete call. Long institutional presentations are not read.
- Allow for the academic calendar when a university is part of the deal: summer decisions are slow."""),

    dict(id="kr-funding", country="KR", title="Korean funding for international joint R&D",
         tags=["funding"], updated=D(2015, 3, 23), author="seoul", body="""\
Korea invests heavily in R&D, and its ministries run programmes explicitly designed for international cooperation.

## Who funds what
- The Ministry of Trade, Industry and Energy (MOTIE) funds industrial technology through agencies such as KEIT (Korea Evaluation Institute of Industrial Technology) and KIAT (Korea Institute for Advancement of Technology). KIAT manages international joint R&D programmes in which a Korean company works with a foreign research organisation: the Korean side is funded, and the foreign partner is usually paid by the company.
- The Ministry of Science, ICT and Future Planning (MSIP) and the National Research Foundation (NRF) fund academic research and bilateral programmes.
- Korea takes part in EUREKA as an associated country, which opens EUREKA projects with European partners.

## Government research institutes
Government-funded research institutes (KIST, ETRI, KIMM, KRICT and others, many of them in Daedeok Innopolis in Daejeon) are the Korean equivalents of our institutes. They are potential partners for three-way projects, and they know the companies well.

## How to use this
- Ask every Korean company whether it plans an international joint R&D application. Calls are published early in the year, and the French partner's letter of intent is part of the file.
- Deadlines are short and the application is in Korean (한국어). Our Seoul office helps the company with the sections about the French partner.
- Budgets are annual: a project approved in spring usually starts in summer, and reporting follows the calendar year."""),

    dict(id="kr-partnering", country="KR", title="Partnering with Korean companies: large groups and SMEs",
         tags=["culture"], updated=D(2014, 9, 1), author="seoul", body="""\
Korean industry has two very different faces.

## Large groups
The large business groups have their own research institutes, many PhDs and a strong culture of technology scouting. They decide fast when a project is sponsored by a senior executive, and stop just as fast when the sponsor moves, which happens often in the annual reorganisations. Practical consequences:
- Identify the business unit that will use the result, not only the central research institute.
- Keep the proposal short, with a clear first deliverable within six months.
- Expect intense reporting: monthly reports, quarterly reviews, visits.

## SMEs and mid-sized suppliers
Many are suppliers of the large groups and look for technology to move up the value chain. They respond well to government-funded international programmes and like a foreign partner that brings credibility.

## Culture
- Hierarchy is visible: titles matter, and the most senior person speaks first.
- English is common among researchers; an interpreter helps with management.
- Dinners are part of building trust; the first one is usually hosted by the Korean side.
- KOTRA and the Korean embassy in Paris are useful for introductions, and Korean companies appreciate a visit to Daejeon or Pangyo rather than only to Seoul.

## Pace
The main difference from Japan is speed: a Korean partner can go from first meeting to contract in four months when the need is urgent, and will expect the same speed from us."""),

    dict(id="sg-astar", country="SG", title="A*STAR and public research in Singapore",
         tags=["funding"], updated=D(2014, 5, 26), author="singapore", body="""\
Singapore concentrates its public research in A*STAR (Agency for Science, Technology and Research), in its universities (NUS, NTU) and in a small number of national programmes. Funding follows five-year plans; the current one, RIE2015 (Research, Innovation and Enterprise), runs to the end of 2015.

## A*STAR
- Biomedical research institutes at Biopolis (genomics, bioprocessing, cell biology, clinical sciences) and science and engineering institutes at Fusionopolis and nearby (materials, manufacturing technology, microelectronics, data).
- Exploit Technologies handles licensing and industry agreements.
- A*STAR welcomes multinational companies that set up R&D in Singapore, often with support from the Economic Development Board (EDB).

## What it means for us
- Singapore is a regional hub: many European, US and Japanese companies run their Asian R&D or regional headquarters here. Meetings in Singapore often lead to decisions taken in Europe or Japan; keep the liaison officer of the other country informed.
- A*STAR institutes can be partners in joint projects with a company, for example clinical validation in Singapore and technology development in France.
- Singapore funding goes to work done in Singapore. A French institute is paid by the company.

## Practical
Things move fast and in English. Companies expect a clear proposal within two weeks of a good meeting. Partnering days at Biopolis and the conferences hosted by A*STAR are good places to meet Asia-Pacific health companies."""),

    dict(id="sg-regional-hub", country="SG", title="Singapore as a base for South-East Asia and Australia",
         tags=["culture", "regulation"], updated=D(2015, 8, 24), author="singapore", body="""\
Since the Sydney office closed in June 2014, Singapore follows Australian companies as well as South-East Asia.

## Why Singapore works as a hub
- Regional headquarters of many multinationals, with R&D or innovation centres attached.
- Strong IP protection, English-language contracts and a legal system companies trust; many regional agreements choose Singapore law or arbitration at the Singapore International Arbitration Centre.
- Flights to most of the region within a few hours.

## Limits
- Decisions for Indonesia, Malaysia, Thailand or Vietnam are often taken locally, by family groups or state companies, and need local visits.
- Australian companies prefer face-to-face meetings in Australia for anything beyond a first contact. Plan two trips a year, grouped around events.

## Regulation
- Personal data: the Personal Data Protection Act (PDPA) has applied since 2014. Clinical data projects with Singapore partners need a data transfer clause.
- Clinical research is regulated by the Health Sciences Authority, and hospital clusters have their own review boards.
- Tax: Singapore offers enhanced deductions for R&D; companies with an R&D centre here sometimes prefer to contract through their Singapore entity.

## Practical
Keep one regional calendar for Singapore, Australia and South-East Asia, and log each meeting with the company's own country, not the office's: the charts by zone depend on it."""),

    dict(id="cn-tech-contracts", country="CN", title="Technology contracts with Chinese companies",
         tags=["regulation", "ip"], updated=D(2015, 5, 4), author="shanghai", body="""\
Chinese companies are increasingly interested in research contracts with European institutes, and the legal frame is specific.

## Registration and payments
Technology import and export contracts, including licences and some technical service contracts, fall under the Regulations on Technology Import and Export Administration. Contracts for freely importable technologies must be recorded with the commerce authorities, and the registration certificate is what the bank needs to pay royalties or fees abroad. Build this step into the payment schedule, or payments will be late.

## IP points
- Improvements: Chinese rules on improvements made by a licensee differ from European practice, and clauses restricting the licensee's improvements can be unenforceable. Have local counsel review any licence.
- Patents: file in China early if the company will manufacture there; it is a first-to-file system, and utility models are widely used by competitors.
- Confidentiality: a Chinese-language NDA governed by Chinese law and enforceable in China is more useful than an English one governed by French law.

## Export control and sensitive topics
Our own rules apply: dual-use technology and ZRR access must be checked before sharing data or receiving visitors, and some topics are simply not open to cooperation.

## Tax
Fees paid abroad bear withholding tax in China, reduced under the France-China tax treaty. Agree in the contract who bears it, and ask for the tax certificate so that the institute can claim the credit in France."""),

    dict(id="cn-funding", country="CN", title="Public funding and local governments in China",
         tags=["funding"], updated=D(2014, 7, 14), author="shanghai", body="""\
China's public R&D funding is large and layered.
- Central level: the Ministry of Science and Technology (MOST) runs national programmes and international cooperation programmes; the National Natural Science Foundation of China (NSFC) funds basic research and co-funds bilateral calls with foreign agencies, including ANR.
- Provinces and municipalities: Shanghai, Jiangsu, Zhejiang and Guangdong have their own science and technology commissions, with programmes to attract foreign technology and talent.
- High-tech zones and industrial parks: Zhangjiang in Shanghai, Suzhou Industrial Park, Shenzhen and many others offer subsidies, premises and tax advantages to companies that bring research projects.

## How Chinese companies use it
A company often presents a collaboration with a foreign institute as part of an application to a local programme. The foreign institute is asked for letters of support, CVs and sometimes a visit by a senior researcher. This can help a deal, but do not let the contract depend on a grant decision we cannot follow.

## Joint labs
Local governments like joint laboratories with foreign institutes, with a plaque and a signing ceremony. They are valuable only if a company funds concrete projects behind the plaque. Our position: projects first, joint lab later.

## Language
Programme documents are in Chinese (中文), and evaluation committees expect Chinese applications. Our Shanghai office works with a local consultant on these files and keeps translated versions of our standard institute presentations."""),

    dict(id="cn-partnering", country="CN", title="Building partnerships in China",
         tags=["culture"], updated=D(2013, 10, 28), author="shanghai", body="""\
Relationships come before contracts. The first meetings are about trust and reputation, and they often take place with senior management over a meal.

## Types of partners
- State-owned enterprises: large budgets, formal procedures, decisions at group level and sometimes with the supervising authority. Slow, but stable once engaged.
- Private companies (telecom, internet, consumer electronics, pharmaceuticals): fast, ambitious, price-sensitive, with young R&D teams and very demanding timelines.
- China R&D centres of foreign groups: easier culturally, but the budget usually sits at global headquarters.

## Tips
- Reputation matters: mention major industrial partners and publications, and bring a Chinese version of the institute presentation.
- Give face: disagreement is expressed indirectly, and "we will study it" often means no.
- Negotiation continues after signature; the contract is the basis of the relationship, not its end. Keep milestone payments frequent.
- Protect know-how: agree precisely what is delivered, and do not send more data than the contract covers.
- Visits to France: Chinese delegations appreciate lab visits and a meeting with the institute's director. Prepare the programme and the visa invitation letter well in advance, and check ZRR rules.

## Where our offer fits
Energy and environment, rail, telecom and pharmaceuticals show the most interest. Health companies look for clinical expertise and for a way into the European market, which GLOBAL CARE can help them understand."""),

    dict(id="ca-mitacs-nserc", country="CA", title="Canadian programmes that can fund joint work",
         tags=["funding", "tax"], updated=D(2014, 10, 6), author="montreal", body="""\
## Federal
- NSERC (Natural Sciences and Engineering Research Council, CRSNG in French) funds university research with industrial partners, for example through Collaborative Research and Development grants in which a company contributes cash and the council matches it. The funded partner is a Canadian university; a French institute can join as a collaborator at its own cost.
- Mitacs funds research internships: Accelerate places graduate students in companies, and Globalink supports international mobility of students and researchers, including exchanges with France. It is an easy first step for a company that wants to test a collaboration.
- SR&ED (Scientific Research and Experimental Development) is the federal R&D tax incentive. Canadian-controlled private corporations get the most generous treatment. Work done outside Canada is generally not eligible.

## Provincial
Québec, Ontario and Alberta have their own programmes and tax credits. Québec's are the most relevant for us (see the separate note).

## Our experience
- Medium-sized Canadian companies often combine a Mitacs internship in their own team with a contract to a Carnot institute for the part that needs our platforms.
- Canadian universities are strong competitors in health and aerospace, and good partners for three-way projects.
- Canadian organisations can take part in Horizon 2020 but are generally not funded by the EU; they bring their own money, which consortium leaders appreciate when it is secured early."""),

    dict(id="ca-quebec", country="CA", title="Québec: language, research consortia and tax credits",
         tags=["culture", "tax"], updated=D(2015, 9, 14), author="montreal", body="""\
Québec is the easiest place in North America to start a conversation, and the place where local institutes compete hardest.

## Language and networks
French is the working language of many companies and of all public bodies. Contracts can be in French, which saves time with our legal departments. France-Québec cooperation has a long history (the Commission permanente de coopération franco-québécoise among others), and many Québec researchers trained in France.

Industrial research consortia are an original Québec model: pre-competitive projects financed by member companies, the province and sometimes federal programmes. Examples are CQDM for biopharmaceutical research, MEDTEQ for medical technologies, CRIAQ for aerospace and PRIMA Québec for advanced materials. A foreign research partner can sometimes join a project when it brings unique expertise.

## Tax credits
Québec offers refundable tax credits for R&D, including for research contracts with Québec universities and public research centres. A contract with a French institute does not benefit from them, which is a real price disadvantage. We usually answer with:
- expertise or platforms not available in Québec;
- a mixed project, with a Québec university for the eligible part and a Carnot institute for the rest;
- the French CIR, when the company has a subsidiary in France.

## Events
The biopharmaceutical and medtech consortia organise partnering days several times a year; we attend them with GLOBAL CARE, and the aerospace cluster's events with ONERA."""),

    dict(id="il-ocs", country="IL", title="Israeli public support for R&D: the Office of the Chief Scientist",
         tags=["funding", "regulation"], updated=D(2015, 6, 29), author="tel-aviv", body="""\
The Office of the Chief Scientist (OCS) at the Ministry of Economy is the centre of Israel's public support for industrial R&D. It is being reorganised into a national authority for technological innovation; the programmes below are expected to continue in some form.

## Main programmes
- R&D Fund: grants for company R&D projects, repaid through royalties if the product succeeds.
- MAGNET: consortia of companies and academic groups on generic technologies, and MAGNETON for bilateral company-academia projects.
- Technological incubators for early-stage companies.
- International programmes: bilateral industrial R&D agreements with many countries, and EUREKA and Eurostars, in which Israel takes part. Israel is also associated to Horizon 2020, and ISERD (Israel-Europe R&D Directorate) supports Israeli participants.

## The key regulatory point
Know-how developed with OCS funding may not be transferred outside Israel without approval, and a transfer can require payment of a fee. Manufacturing abroad is also restricted. Consequences for us:
- A contract in which an OCS-funded start-up transfers results or know-how to a French institute must be checked by its lawyers.
- Results generated by us and owned by the company are usually fine, but licences back to us need care.

## Practical
Israeli companies apply quickly and expect partners to provide letters and budgets within days. For Eurostars, the combination of an Israeli SME, a Carnot institute and a French or European SME has worked well."""),

    dict(id="il-startups", country="IL", title="Working with Israeli start-ups and technology transfer companies",
         tags=["culture", "ip"], updated=D(2014, 4, 7), author="tel-aviv", body="""\
Most of the Israeli companies we meet are young, venture-funded and in a hurry.

## Start-ups
- Decisions are fast and direct. A "yes" in the first meeting means "let's talk seriously", not a commitment.
- Budgets are tight and tied to funding rounds: time a proposal with the next round, and ask openly about it.
- They want results they can show investors: a clinical dataset, a prototype, a validation by a recognised European institute. Our name is part of the value.
- Hebrew (עברית) is spoken internally, but English is the business language. Directness is normal; it is not rudeness.

## Technology transfer companies
Universities and research institutes commercialise through their own companies (for example Yissum for the Hebrew University, Yeda for the Weizmann Institute, Ramot for Tel Aviv University). They are professional, used to licensing worldwide, and good partners for joint patents with Carnot institutes.

## Calendar
The working week runs from Sunday to Thursday. The autumn holiday period is quiet; avoid planning decisive meetings then.

## Sectors
Medical devices, digital health, diagnostics, cybersecurity, semiconductors and water technologies are the strongest. GLOBAL CARE has good contacts in medical devices through the BIOMED Israel conference in Tel Aviv, and ICM and Voir et Entendre are the institutes most asked for."""),

    dict(id="br-fapesp", country="BR", title="FAPESP, FINEP and EMBRAPII: funding in Brazil",
         tags=["funding", "tax"], updated=D(2015, 2, 16), author="sao-paulo", body="""\
## São Paulo
FAPESP (São Paulo Research Foundation) is the state's research funding agency and the most reliable funder in Brazil. Its PITE programme (partnership for technological innovation) co-funds research projects between companies and research institutions in the state. FAPESP has cooperation agreements with many foreign agencies and universities, and calls with French partners have been organised regularly.

## Federal
- FINEP (Funding Authority for Studies and Projects) finances company innovation with loans and grants.
- CNPq funds researchers and scholarships.
- EMBRAPII (Brazilian Company for Research and Industrial Innovation), created in 2013, funds research units accredited to work with industry, on a model comparable to ours. Its units are natural partners for joint projects with Brazilian companies.
- Science without Borders (Ciência sem Fronteiras) sent many Brazilian students abroad, including to France, but is slowing down in 2015.

## The Lei do Bem
Brazil's innovation law (Lei do Bem) gives tax incentives to companies that invest in R&D, mainly those taxed on actual profit. It targets R&D performed in Brazil; payments abroad are not its purpose.

## For us
The realistic model is a project with a Brazilian research partner (university or EMBRAPII unit) funded locally, and a Carnot institute funded by the company or by a bilateral call. Public budgets are under pressure in 2015: expect delays in every publicly funded project."""),

    dict(id="br-contracts", country="BR", title="Contracts, INPI and regulation in Brazil",
         tags=["regulation", "ip"], updated=D(2015, 10, 19), author="sao-paulo", body="""\
## INPI recording
Technology transfer and technical assistance contracts with foreign parties are recorded with INPI (the Brazilian patent office). Recording is needed for the company to remit payments abroad and to deduct them for tax purposes. INPI reviews the terms and can question clauses, for example on royalties or on the duration of confidentiality obligations. Plan several months.

## Taxes on payments abroad
Payments for technical services and royalties sent abroad bear withholding tax and other contributions. Who bears them must be written into the contract, and the price adjusted accordingly.

## Health regulation
ANVISA regulates medicines, devices and diagnostics; clinical trials also need ethics approval through the national system (CONEP). Allow for long review times in any clinical project.

## Biodiversity
Access to Brazilian genetic heritage and associated traditional knowledge is regulated, and a new law was adopted in 2015. This matters for cosmetics and agri-food projects that use native species: check before any sample leaves the country.

## Language and style
Portuguese is the contract language for many companies, with an English version often accepted in parallel. Personal relationships matter, and the first meetings are often long lunches. In family groups the owners decide; in Brazilian subsidiaries of multinationals, headquarters decide.

Our São Paulo office keeps a list of lawyers who know INPI procedures: use it before sending a draft."""),

    dict(id="in-dst-cefipra", country="IN", title="Indian funding and the Indo-French centre",
         tags=["funding", "tax"], updated=D(2015, 7, 27), author="bangalore", body="""\
## Public funding
- DST (Department of Science and Technology) funds research and international cooperation, and runs technology development programmes with industry.
- DBT (Department of Biotechnology) and its company-facing agency BIRAC (Biotechnology Industry Research Assistance Council) support biotech start-ups and SMEs.
- The CSIR laboratories form the main public applied research network and are frequent partners of Indian companies.

## CEFIPRA
The Indo-French Centre for the Promotion of Advanced Research (CEFIPRA, also known as IFCPAR), funded by both governments, supports joint research and has programmes for industry-academia collaboration. It is the first place to look for a Franco-Indian project with a company involved.

## Tax
India has long offered a weighted deduction for approved in-house R&D and for payments to approved research institutions in India. The scheme is expected to be scaled down in the coming years, and payments to foreign institutes do not qualify.

## For us
- Pharmaceutical and generics companies look for formulation, bioanalysis and infectious disease expertise; prices are negotiated hard.
- Automotive and engineering companies in Pune and Chennai are interested in simulation and materials.
- IT companies in Bangalore want research partners in data and security, often for their global clients.

The Bangalore office is planned for 2016; until then meetings are held by the head office or during missions from Singapore."""),

    dict(id="in-partnering", country="IN", title="Partnering style and regulation in India",
         tags=["culture", "regulation"], updated=D(2015, 11, 9), author="bangalore", body="""\
## Style
- Family-owned groups dominate many sectors. The promoter family decides; the CTO prepares. Meet both.
- Price is the first question. Show value with a small, well-defined first phase, and be ready to discuss every cost line.
- Relationships matter: several visits and calls are expected before a first contract.
- English is the business language; contracts follow common law practice and are usually governed by Indian law with arbitration.
- Timelines are flexible on the Indian side and strict for suppliers. Put both sides' obligations in the work plan.

## Regulation
- Clinical trials: rules were tightened in 2013, with stricter requirements on informed consent and compensation. Multinational trials in India slowed down and are recovering.
- Biological material: export of samples needs permits; plan months, not weeks.
- IP: Indian patent law excludes some incremental pharmaceutical inventions from patentability, which shapes what pharmaceutical companies want from research partners.
- Foreign exchange: payments abroad for research services are routine for large companies but can take time for smaller ones; agree on milestones with documents the bank will accept.

## Events
Bangalore hosts a large annual technology and biotech event organised by the state government, useful to meet many companies at once. Pharmaceutical companies meet at the CPhI India exhibition in Mumbai."""),

    dict(id="ch-cti", country="CH", title="CTI and Swiss innovation funding",
         tags=["funding"], updated=D(2014, 8, 18), author="munich", body="""\
Switzerland funds applied research through the Commission for Technology and Innovation (CTI). The model is simple: CTI finances the research partner's costs, and the company contributes at least as much, in cash or in kind.
- The research partner must be a Swiss public research institution (universities of applied sciences, the ETH domain, cantonal universities). A French institute cannot be funded by CTI.
- CTI also supports start-ups through coaching and a label that investors watch.

## Consequences
Swiss companies have easy access to subsidised applied research at home, especially through the universities of applied sciences. We are called when the expertise does not exist in Switzerland, or when the company wants a clinical or industrial environment in France; the Basel, Geneva and Lausanne regions are very close to French labs.

## Sectors
- Pharma and biotech around Basel, medtech in many cantons, precision engineering and watchmaking in the Jura arc, and a growing cleantech scene.
- Swiss companies expect top quality and precise project management, and accept prices close to ours.

## Languages
German, French and Italian are all business languages. Companies in Romandie (Geneva, Vaud, Neuchâtel, Fribourg) often prefer to work in French. The Munich office covers German-speaking Switzerland; Romandie and Ticino are followed from Paris, and meetings there are logged without an affiliate."""),

    dict(id="ch-h2020-status", country="CH", title="Switzerland in Horizon 2020",
         tags=["funding", "regulation"], updated=D(2015, 1, 12), author="munich", body="""\
After the February 2014 popular vote on immigration, Switzerland's association to Horizon 2020 was interrupted, then replaced by a partial association from September 2014 to the end of 2016.
- Partial association covers the first pillar (Excellent Science: ERC, Marie Skłodowska-Curie actions, FET, research infrastructures) and Euratom. In these parts, Swiss participants are treated like those of associated countries.
- For the other parts (Industrial Leadership and Societal Challenges, which include most collaborative health, energy and transport projects), Swiss participants take part as partners from a third country, are funded by the Swiss government (SERI) rather than by the EU, and do not count towards the minimum number of partners.

## What it means for consortia
- A Swiss company or university can still be a full partner in a collaborative project; its funding is secured nationally.
- Some Swiss partners had to change their role in consortia already being built. Check the current guidance for every proposal.
- The situation after 2016 depends on negotiations between Switzerland and the EU.

## For Carnot Europe
Swiss partners bring excellent science and strong industry. Include them, but make sure the consortium reaches the minimum number of eligible partners without them, and that the budget table shows their national funding separately. The Brussels desk keeps the current guidance and a list of Swiss contacts who have been through the procedure."""),

    dict(id="se-vinnova", country="SE", title="Sweden: Vinnova, research institutes and consensus",
         tags=["funding", "culture"], updated=D(2015, 4, 13), author="stockholm", body="""\
## Funding
Vinnova, Sweden's innovation agency, funds needs-driven research and innovation with companies, universities and institutes. Since 2013 it has run strategic innovation programmes in areas chosen with industry, such as materials, process industry, medtech, production and metals. Foreign partners can be involved, normally with their own funding, and Vinnova is active in EUREKA, Eurostars and European partnerships.

The Swedish research institutes, grouped under the RISE holding, are our natural counterparts: applied research, contracts with industry, test beds. They are partners in many of our European proposals. The Knowledge Foundation and the Swedish Foundation for Strategic Research also fund academia-industry projects.

## Culture
- Decisions are collective. After a good meeting, the Swedish team discusses internally and with partners; expect a decision later than the meeting suggested, but a stable one.
- Hierarchies are flat. Engineers speak freely in front of their managers, and everybody expects to be heard.
- English is excellent, and contracts are in English.
- Fika, the coffee break, is where informal discussion happens. Accept the invitation.

## Sectors
Automotive and trucks around Gothenburg, telecom and IT in Stockholm (Kista), life sciences in Stockholm-Uppsala and in the Medicon Valley region with Copenhagen, materials and the forest industry further north."""),

    dict(id="dk-innovation-fund", country="DK", title="Denmark: Innovation Fund, GTS institutes and Medicon Valley",
         tags=["funding", "tax"], updated=D(2015, 3, 2), author="stockholm", body="""\
## Innovation Fund Denmark
Innovation Fund Denmark (Innovationsfonden), created in 2014 by merging several earlier councils and funds, supports strategic research, innovation projects with companies, industrial PhDs and start-ups. Foreign partners can take part in its larger collaborative projects when they add value, usually with limited or no Danish funding for their share.

## GTS institutes
The approved technological service institutes (GTS) are Denmark's network of applied research and technology organisations, comparable to our institutes in their relationship with industry. They are partners in European projects and sometimes competitors.

## Tax
Denmark lets companies receive a tax credit corresponding to losses from R&D expenses, which helps young companies. Danish groups with French subsidiaries can also use the French CIR.

## Sectors and culture
- Wind energy, water, food ingredients, pharmaceuticals and diagnostics are world-class, and several leaders are large foundation-owned companies.
- Medicon Valley, across the Øresund between Copenhagen and Skåne, is one of Europe's strongest life-science clusters; GLOBAL CARE meets companies from both sides of the bridge.
- Danes are direct and informal, with consensus decisions as in Sweden. Meetings start and end on time.

The Stockholm office covers Denmark; many Danish meetings take place in Copenhagen around Medicon Valley events."""),

    dict(id="nl-topsectors", country="NL", title="The Dutch top sector policy, TKI allowance and WBSO",
         tags=["funding", "tax"], updated=D(2014, 11, 24), author="brussels", body="""\
The Netherlands organise innovation policy around "top sectors", among them high tech systems and materials, life sciences and health, agri-food, water, chemistry, energy and horticulture. Each has a Top Consortium for Knowledge and Innovation (TKI) that brings together companies, universities and research organisations.

## TKI allowance
Companies that fund public-private research through a TKI generate an allowance (PPS-toeslag) that the TKI uses for further research. Foreign research organisations can be involved in some projects, but in practice the allowance goes to Dutch research partners.

## Tax
- WBSO: a reduction of payroll taxes and social contributions for R&D staff, widely used by companies of all sizes.
- Innovation box: a reduced effective tax rate on profits from innovations.
Dutch companies compare our price with the subsidised cost of research at home, so the argument of unique expertise has to be strong.

## Research counterparts
TNO is the Dutch large applied research organisation; the technical universities (Delft, Eindhoven, Twente) and Wageningen for agri-food are strong industrial partners. All are experienced European consortium partners, and they often coordinate.

## Culture
Direct, pragmatic, consensus-driven inside the company. Dutch partners read contracts closely and negotiate hard, then keep to what is agreed. Brussels covers the Netherlands; a day in Eindhoven or Wageningen is easily combined with a Brussels week."""),

    dict(id="be-h2020-rules", country="BE", title="Horizon 2020 in one page: rules that change our proposals",
         tags=["funding", "regulation"], updated=D(2014, 2, 10), author="brussels", body="""\
## Funding rates
- Research and Innovation Actions: 100% of eligible direct costs.
- Innovation Actions: 70% for profit-making entities, 100% for non-profit entities (Carnot institutes are non-profit and get 100%).
- Indirect costs: a single flat rate of 25% of direct costs, excluding subcontracting. This changes our budgets compared with FP7.

## Eligibility
Collaborative projects need at least three independent legal entities from three different EU Member States or associated countries. Many topics in practice require larger consortia with industry.

## Time to grant
The target is eight months from the call deadline to the signature of the grant. Proposals submitted in 2014 lead to grants signed from late 2014 and in 2015: plan revenue accordingly.

## Documents
- Grant Agreement: the standard EU model, not negotiable in substance.
- Consortium Agreement: negotiated between partners; most consortia use the DESCA model, which has a Horizon 2020 version. Check IP, access rights and liability clauses with the institute's legal team.

## Other instruments
- SME Instrument: for single SMEs; we act as subcontractors.
- Public-private partnerships and joint undertakings (IMI2, Clean Sky 2, ECSEL, Bio-Based Industries, Fuel Cells and Hydrogen, Shift2Rail) have their own calls and rules.

Ask the Brussels desk to check the budget before submission: errors in the flat-rate calculation were frequent in the first calls."""),

    dict(id="be-carnot-europe", country="BE", title="Carnot Europe: how the group prepares proposals",
         tags=["funding", "events"], updated=D(2015, 9, 7), author="brussels", body="""\
The Carnot Europe group was created in 2013 to increase the participation of Carnot institutes in European programmes, Horizon 2020 in particular. The Brussels desk supports it.

## What the group does
- Monitors work programmes and draft topics, and circulates them to institutes with a first analysis: which topics fit which institutes, and who the likely coordinators are.
- Organises brokerage sessions where institutes meet companies and foreign research organisations looking for partners.
- Helps institutes build consortia, drawing on the companies already met by the liaison offices. A company met in Munich or Stockholm for a bilateral project can be a partner in a European proposal, and the other way round.
- Works with CLORA, the Brussels office of French research organisations, and with EARTO, the European association of research and technology organisations, to follow policy discussions.

## How liaison offices contribute
1. Tag meetings with European companies that discuss a European proposal with the initiative "Carnot Europe".
2. Record the programme and the call in the meeting notes.
3. When a grant is signed, record it as a European contract with the coordinator's country and, if the company was met, the meeting.

## Calendar
Most Horizon 2020 calls open in autumn or winter and close in spring or early autumn of the following year. Consortium building starts six months before a deadline, so a liaison office that hears of a company's interest in a topic should tell the Brussels desk at once."""),

    dict(id="be-regions", country="BE", title="Belgium: three regions, three sets of programmes",
         tags=["funding", "culture"], updated=D(2013, 6, 17), author="brussels", body="""\
Research and innovation support is mostly regional in Belgium, with the federal level keeping some areas such as space and tax.
- Flanders: the agency for innovation by science and technology (IWT) funds company R&D and collaborative projects; strategic research centres such as imec for nanoelectronics and VIB for life sciences are world-class and strong industrial partners.
- Wallonia: the competitiveness clusters (pôles de compétitivité) organise collaborative projects between companies and research: BioWin for health, MecaTech for mechanical engineering, Skywin for aerospace, GreenWin for green chemistry and Wagralim for agri-food.
- Brussels-Capital: Innoviris funds research and innovation in the region.

## Cross-border
The Interreg France-Wallonie-Vlaanderen programme funds cross-border cooperation, and several Carnot institutes in the north of France already work with Walloon and Flemish partners. It is a good route for SMEs.

## Tax
Belgium offers several R&D incentives: a partial exemption of payroll withholding tax for researchers, an R&D investment deduction or credit, and a patent income deduction.

## Culture
French and Dutch are both used: choose according to the company's region, and switch to English when in doubt. Decision-making is pragmatic and consensus-oriented. Brussels events, the European institutions and the many federations make it easy to meet companies from the whole of Europe in one place."""),

    dict(id="it-funding-culture", country="IT", title="Italy: regions, clusters and mid-sized champions",
         tags=["funding", "culture", "tax"], updated=D(2015, 3, 30), author="milan", body="""\
## Funding
Public research funding in Italy is shared between the Ministry of Education, University and Research (MIUR), the Ministry of Economic Development and the regions. Lombardy, Emilia-Romagna, Piedmont and Tuscany run their own calls for collaborative R&D, often with European structural funds. The national technology clusters (cluster tecnologici nazionali) bring together companies and research in areas such as aerospace, agri-food, life sciences, smart factories and green chemistry.

A new R&D tax credit applies from 2015, rewarding incremental R&D spending, including research contracted to universities and research organisations. Italian companies are still discovering its practical rules, and it is worth asking about it in every proposal meeting.

## Counterparts
CNR (National Research Council), ENEA, the Italian Institute of Technology (IIT) in Genoa, and the technical universities of Milan and Turin are the main research partners of industry.

## Culture
- The strength of Italian industry is in family-owned mid-sized companies, often world leaders in a niche: machinery, packaging, automotive components, pharmaceuticals, cosmetics, food.
- The owner decides; trust is built over time, often over lunch.
- Italian is preferred with management; English works with R&D teams.
- Payment terms can be long; agree on a schedule with an advance payment.

## Events
EMO, the machine tool show, was in Milan in 2015, and the cosmetics fair in Bologna is useful every spring. The 2015 World Expo in Milan, on food, brought many agri-food delegations."""),

    dict(id="es-cdti", country="ES", title="Spain: CDTI, tax incentives and technology centres",
         tags=["funding", "tax"], updated=D(2015, 5, 25), author="milan", body="""\
## CDTI
The Centre for the Development of Industrial Technology (CDTI) is Spain's main agency for company R&D. It finances projects with partly refundable loans and grants, supports Spanish participation in Horizon 2020, and manages bilateral and multilateral programmes (EUREKA, Eurostars and bilateral calls with many countries). Spanish companies use CDTI for projects with foreign partners; the foreign partner is funded by its own side or by the company.

## Tax
Spain has generous R&D and innovation tax deductions which, since 2013, can be cashed in under conditions even when the company has no tax to pay, and a patent box regime. Contracts with research organisations count, in some cases including foreign ones; the company's adviser must confirm.

## Technology centres
Spain's technology centres are our closest counterparts, especially in the Basque Country (Tecnalia, the IK4 alliance) and Catalonia. Regional agencies (SPRI in the Basque Country, ACCIÓ in Catalonia) fund companies and promote internationalisation.

## Culture
- Relationships first; lunch is late and long, and an important part of the process.
- Spanish is preferred for management meetings; many engineers work well in English.
- Decision-making is hierarchical in traditional companies and much flatter in the new energy and engineering groups.

Spain is strong in renewable energy, engineering and construction, rail, agri-food and biotech, and Spanish partners are very active in Horizon 2020 consortia."""),

    dict(id="au-crc-tax", country="AU", title="Australia: CRCs and the R&D Tax Incentive",
         tags=["funding", "tax"], updated=D(2014, 5, 19), author="sydney", body="""\
Written shortly before the office closed; Australian companies are now followed from Singapore.

## Cooperative Research Centres
CRCs are long-term collaborations between industry, universities and government, funded by the Commonwealth with matching contributions from participants. International research organisations can take part when they bring specific expertise, usually with in-kind contributions. Mining, agriculture, health and environment have had strong CRCs.

## R&D Tax Incentive
Since 2011, the R&D Tax Incentive has offered a refundable tax offset for smaller companies and a non-refundable offset for larger ones. R&D conducted overseas can be included only with an advance finding that it cannot be conducted in Australia and is linked to Australian activities. Companies know this rule and ask us about it: an overseas finding is possible for unique facilities or expertise, but it takes time and must be requested before the work starts.

## Research counterparts
CSIRO is Australia's national science agency and the natural counterpart to our institutes, strong in minerals, agriculture, energy and manufacturing. Universities are active in medical research with large hospital networks.

## Practical
- Distances and time zones make remote follow-up hard; group visits around events.
- Australians are informal and direct, on first-name terms from the first meeting.
- Mining services companies are in Perth and Brisbane, medical technology in Sydney and Melbourne, agri-food in the southern states."""),

    dict(id="tw-itri", country="TW", title="Taiwan: ITRI and the electronics supply chain",
         tags=["culture", "funding"], updated=D(2015, 6, 8), author="shanghai", body="""\
## ITRI
The Industrial Technology Research Institute (ITRI, 工業技術研究院) in Hsinchu is Taiwan's large applied research organisation and has played a central role in the island's semiconductor and electronics industries. It works on contract and on public programmes funded by the Ministry of Economic Affairs (MOEA). For us, ITRI is a potential partner, a benchmark for prices, and the first stop of most Taiwanese companies looking for technology.

## Industry
- Semiconductor foundries, packaging and test companies, display makers, electronics manufacturing services: large, efficient and very focused on cost and yield.
- Many SMEs in machinery, precision components and medical devices, often family-owned and export-driven.
- Hsinchu Science Park and the Southern Taiwan Science Park concentrate high-tech activity.

## Working with Taiwanese companies
- Technical discussions are detailed and fast; decisions are taken by the chairman or the general manager.
- English is common among engineers; documents are in traditional Chinese.
- Taiwanese companies value proven results and references, and ask for them.
- Protect know-how carefully in contracts, as with any manufacturing partner.

## Funding
MOEA programmes support company R&D, in some schemes with foreign research organisations. Scientific cooperation between France and Taiwan also funds academic exchanges.

Taiwan is followed from Shanghai, with visits twice a year around SEMICON Taiwan and Computex."""),

    dict(id="ae-market", country="AE", title="United Arab Emirates: research partners, free zones and health",
         tags=["culture", "regulation", "events"], updated=D(2015, 10, 12), author="dubai", body="""\
## Research landscape
The UAE invests in research through universities and institutes, most visibly Masdar Institute in Abu Dhabi (energy and sustainability) and Khalifa University, and through clusters such as Dubai Healthcare City. Companies are often subsidiaries of international groups or state-linked groups in energy, utilities, aluminium, aviation and construction.

## Setting up and contracting
- Free zones allow full foreign ownership and simple procedures; outside them, commercial companies have traditionally needed a local partner.
- Contracts with state-linked groups go through formal procurement: expect tenders and long approval chains.
- Payment terms can be long; a bank guarantee or an advance is worth negotiating.

## Health
Arab Health (Dubai, January) is one of the largest healthcare exhibitions in the region. Hospitals and health authorities are interested in training, clinical research and diagnostics, and GLOBAL CARE is considering a joint presence.

## Culture
- Relationships and personal introductions matter; meetings can be rescheduled at short notice.
- The working week runs from Sunday to Thursday, and activity slows down during Ramadan and the summer.
- English is the business language; material in Arabic (العربية) is appreciated by public bodies.

## Organisation
The Dubai office is planned; until then the head office follows the Gulf countries, with two missions a year and meetings logged without an affiliate."""),

    dict(id="za-tia", country="ZA", title="South Africa: funding, IP law and data protection",
         tags=["funding", "ip", "regulation"], updated=D(2015, 8, 10), author="cape-town", body="""\
## Funding
- The Department of Science and Technology (DST) sets policy and funds bilateral cooperation; the National Research Foundation (NRF) funds researchers; the Technology Innovation Agency (TIA) supports technology development and commercialisation with companies.
- South Africa has long-standing research cooperation with France and with the EU, and South African partners are active in Horizon 2020, especially in health, water and astronomy.
- Tax: companies can deduct an enhanced share of qualifying R&D expenditure (section 11D of the Income Tax Act), subject to pre-approval by DST.

## IP from publicly financed research
The Intellectual Property Rights from Publicly Financed Research and Development Act applies to research funded with public money in South Africa: institutions have the first claim to ownership, offshore transfer of IP is restricted and needs approval. Projects co-funded with South African public money need careful drafting and take longer.

## Data protection
The Protection of Personal Information Act (POPIA), adopted in 2013, will apply in full once its remaining provisions come into force; health data projects should already follow it.

## Sectors
Mining and metals, agriculture and food, infectious diseases (HIV and tuberculosis research is world-class) and water. Cape Town and Stellenbosch host biotech start-ups; Johannesburg and Pretoria the mining groups and CSIR.

The Cape Town office is planned; meetings are handled from Paris until then."""),

    dict(id="mx-conacyt", country="MX", title="Mexico: CONACYT incentives and industrial clusters",
         tags=["funding", "culture"], updated=D(2015, 11, 23), author="mexico-city", body="""\
## Funding
CONACYT (the national council for science and technology) funds research and, through its Programme of Incentives for Innovation (PEI), company R&D projects, with better conditions when the company works with a research institution. Mixed funds with the states and sectoral funds complete the picture. Foreign research organisations can be involved as partners, usually paid by the company.

The CONACYT network of public research centres (CIATEQ, CIDESI, CIMAV and others) are the natural Mexican counterparts of our institutes and often partners of the companies we meet.

## Industry
- Automotive: a dense supplier base in the Bajío region (Guanajuato, Querétaro, Aguascalientes) and in the north, serving North American production.
- Aerospace: Querétaro, Chihuahua and Baja California host manufacturing and engineering centres of international groups; the Mexican aerospace industry federation (FEMIA) is a good entry point.
- Agri-food and pharmaceuticals around Guadalajara and Mexico City.

## Culture
Personal relationships and long lunches matter, and Spanish is needed with management. In family groups the owner decides; in subsidiaries of foreign groups, headquarters decide, which makes the French connection an advantage when the group is European.

## Organisation
The Mexico City office is planned for 2016. Until then Mexican companies are followed from Paris, with missions to Querétaro and meetings at the Paris Air Show."""),

    dict(id="fi-tekes", country="FI", title="Finland: Tekes, VTT and the bioeconomy",
         tags=["funding", "culture"], updated=D(2014, 10, 27), author="stockholm", body="""\
## Funding
Tekes, the Finnish Funding Agency for Innovation, funds company R&D and research projects with companies. It is active in EUREKA and Eurostars and has run programmes open to foreign partners, who are usually funded by the Finnish company when they take part. The Strategic Centres for Science, Technology and Innovation (SHOKs), created to bring companies and research together, are being reorganised.

## Research counterparts
VTT Technical Research Centre of Finland is one of Europe's large applied research organisations and a frequent partner in European projects, strong in materials, bioeconomy, energy and ICT. Aalto University and the universities of Helsinki, Tampere and Oulu complete the landscape.

## Industry
- The forest industry is turning to the bioeconomy: new fibre products, biochemicals, biofuels. This is where PolyNat, 3BCAR and Chimie Balard find the most interest.
- Telecom and ICT, with many start-ups founded by engineers from large telecom companies.
- Energy technology, marine industry, mining and metal processing.

## Culture
Finns are direct, reliable and quiet in meetings; silence is not disagreement. Keep e-mails factual and short. English is excellent. Decisions are fast once the technical case is clear, and Finnish partners expect the same clarity from us: a short proposal with a clear price and schedule beats a long one."""),

    dict(id="at-ffg", country="AT", title="Austria: FFG, COMET centres and the research premium",
         tags=["funding", "tax"], updated=D(2015, 2, 9), author="munich", body="""\
## FFG
The Austrian Research Promotion Agency (FFG) funds company R&D, collaborative projects and Austrian participation in European programmes. Its general programmes are bottom-up and open to all topics; thematic programmes cover production, ICT, mobility, energy and security.

## COMET
COMET competence centres are long-term partnerships between companies and research in areas such as materials, mechatronics, bioprocessing and digital technologies. Foreign research partners can take part. Many Austrian companies we meet are already COMET partners, which tells us where they stand technically.

## Research premium
Austria's research premium (Forschungsprämie) is a tax credit on R&D expenses, available to companies of all sizes. Contract research can be included under conditions; the company's adviser confirms whether a foreign partner's work qualifies.

## Other counterparts
The Christian Doppler Research Association funds university laboratories that work with companies; the Austrian Institute of Technology (AIT) and Joanneum Research are the large applied research organisations.

## Culture
Close to southern Germany: formal at first, punctual, attentive to detail. German is preferred with management. Vienna, Graz, Linz and the industrial base of Upper Austria are the main centres. The Munich office covers Austria, with regular trips to Linz and Graz, and most first contacts come from Munich trade fairs."""),

    dict(id="fr-cir", country="FR", title="The French research tax credit (CIR) as an argument abroad",
         tags=["tax"], updated=D(2015, 1, 26), author="brussels", body="""\
The Crédit d'Impôt Recherche (CIR) is one of the most generous R&D tax incentives in the OECD, and one of our best arguments with foreign groups that have a presence in France.

## Main rules
- 30% of eligible R&D expenses up to 100 M€ a year, 5% beyond.
- Research subcontracted to approved public research organisations, such as Carnot institutes, counts for twice its amount, within limits, provided there is no dependence link between the company and the organisation.
- An innovation tax credit (crédit d'impôt innovation) for SMEs, created in 2013, covers some design and prototype expenses.
- Young innovative companies (JEI) benefit from exemptions of social charges.

## Who can use it
Companies taxed in France. A foreign group benefits if it places the contract through its French subsidiary or establishment, which must genuinely manage the project. A company with no French presence cannot use the CIR, and we must not suggest otherwise.

## How to present it
- With groups that have a French subsidiary, show a simple example: the cost of a project with us, minus the CIR at the doubled rate, compared with the same project at home.
- Mention the rescrit procedure, which lets a company obtain the tax administration's position on eligibility in advance.
- Offer a call with our head office contact and the company's French finance team.

This argument has helped close contracts with US, Japanese and German groups. Keep it factual: the company's own advisers will check every figure."""),

    dict(id="fr-researcher-visas", country="FR", title="Bringing foreign researchers to a Carnot lab",
         tags=["regulation"], updated=D(2014, 6, 23), author="brussels", body="""\
Company researchers and foreign students often spend time in our labs during a project. The procedure depends on nationality, duration and status.

## Short stays (under three months)
Citizens of many countries need a short-stay Schengen visa. A letter of invitation from the institute, giving the purpose and dates of the visit and a contact, is required. Apply at least a month before, more in busy seasons.

## Researchers (more than three months)
- The host institute signs a hosting agreement (convention d'accueil) with the researcher; institutes accredited to host foreign researchers can issue it.
- With it, the researcher applies for a long-stay visa marked "scientifique-chercheur" and then a residence permit. Families can follow under a simplified procedure.
- Company employees seconded to our labs may instead need an intra-company transfer or a work permit, depending on the contract: check with HR before the dates are fixed.

## Restricted areas
Many labs are zones à régime restrictif (ZRR) under the protection of the nation's scientific and technical potential. Access by any person from outside the lab, French or foreign, requires prior authorisation from the head of the institution after an opinion from the defence and security official of the supervising ministry. Allow about two months. Visits of foreign company delegations to ZRR labs follow the same rule.

## Tip
Tell the liaison offices abroad about these delays: companies are surprised when a visit cannot happen next week."""),
]


# ---------------------------------------------------------------------------
# People met (used in meeting notes only)
# ---------------------------------------------------------------------------

PEOPLE = {
    "en": [(f, l, None) for f, l in zip(
        ["Jennifer", "Michael", "Sarah", "David", "Emily", "Robert", "Rachel", "Daniel", "Laura", "Kevin", "Megan", "Andrew"],
        ["Walsh", "Patel", "Nguyen", "Carter", "Goldberg", "Hughes", "Ramirez", "O'Connor", "Chen", "Brooks", "Sullivan", "Foster"])]
    + [("Hannah", "Whitaker", None), ("James", "Okafor", None), ("Olivia", "Brennan", None), ("Thomas", "Reid", None)],
    "qc": [("Marie-Ève", "Gagnon", None), ("Luc", "Bouchard", None), ("Isabelle", "Côté", None),
           ("François", "Lévesque", None), ("Nathalie", "Gauthier", None), ("Sylvain", "Pelletier", None)],
    "de": [("Lena", "Hoffmann", None), ("Stefan", "Weber", None), ("Katharina", "Schäfer", None),
           ("Jürgen", "Becker", None), ("Anja", "Krüger", None), ("Matthias", "Vogel", None),
           ("Sabine", "Lehmann", None), ("Tobias", "Brandt", None), ("Ulrike", "Groß", None)],
    "jp": [("Keiko", "Yamada", "山田"), ("Takeshi", "Ito", "伊藤"), ("Yuko", "Nakamura", "中村"),
           ("Hiroki", "Kato", "加藤"), ("Naoko", "Suzuki", "鈴木"), ("Kenji", "Watanabe", "渡辺"),
           ("Akira", "Mori", "森"), ("Emi", "Hayashi", "林")],
    "kr": [("Min-jun", "Kim", "김민준"), ("Seo-yeon", "Lee", "이서연"), ("Ji-woo", "Choi", "최지우"),
           ("Hyun-woo", "Jung", "정현우"), ("Eun-ji", "Kang", "강은지"), ("Dong-hyun", "Yoon", "윤동현")],
    "cn": [("Wei", "Zhang", "张伟"), ("Fang", "Wang", "王芳"), ("Lei", "Liu", "刘磊"), ("Jing", "Chen", "陈静"),
           ("Hao", "Zhao", "赵浩"), ("Yan", "Huang", "黄燕")],
    "tw": [("Chih-wei", "Lin", "林志偉"), ("Yu-ting", "Huang", "黃郁婷"), ("Chun-hung", "Wu", "吳俊宏")],
    "he": [("Noa", "Levi", None), ("Eyal", "Cohen", None), ("Tamar", "Mizrahi", None), ("Ori", "Friedman", None),
           ("Michal", "Peretz", None), ("Amit", "Katz", None), ("Shira", "Avraham", None), ("Yoni", "Shapiro", None)],
    "it": [("Giulia", "Bianchi", None), ("Marco", "Colombo", None), ("Chiara", "Galli", None),
           ("Luca", "Romano", None), ("Elena", "Conti", None), ("Paolo", "Marino", None)],
    "es": [("Lucía", "García", None), ("Javier", "Fernández", None), ("Carmen", "López", None),
           ("Pablo", "Navarro", None), ("Marta", "Ortega", None), ("Diego", "Castillo", None)],
    "pt": [("Ana", "Silva", None), ("João", "Santos", None), ("Beatriz", "Oliveira", None),
           ("Rafael", "Souza", None), ("Camila", "Pereira", None), ("Thiago", "Carvalho", None)],
    "nl": [("Sanne", "de Vries", None), ("Pieter", "Jansen", None), ("Lotte", "Bakker", None),
           ("Bram", "Visser", None), ("Els", "Peeters", None), ("Joris", "Claes", None)],
    "sv": [("Ingrid", "Andersson", None), ("Lars", "Lindberg", None), ("Karin", "Eriksson", None), ("Mikael", "Holm", None)],
    "da": [("Mette", "Nielsen", None), ("Jesper", "Sørensen", None), ("Sofie", "Johansen", None), ("Henrik", "Halvorsen", None)],
    "fi": [("Aino", "Virtanen", None), ("Jukka", "Korhonen", None), ("Sanna", "Mäkinen", None)],
    "pl": [("Tomasz", "Kowalski", None), ("Agnieszka", "Nowak", None), ("Piotr", "Zieliński", None)],
    "cz": [("Petr", "Dvořák", None), ("Jana", "Novotná", None), ("Martin", "Svoboda", None)],
    "in": [("Priya", "Sharma", None), ("Rahul", "Iyer", None), ("Ananya", "Reddy", None), ("Vikram", "Mehta", None),
           ("Deepa", "Nair", None), ("Arjun", "Kulkarni", None)],
    "sg": [("Wei Ling", "Tan", None), ("Jun Hao", "Lim", None), ("Hui Min", "Ng", None), ("Siti", "Rahman", None),
           ("Daniel", "Goh", None)],
    "ar": [("Omar", "Al Mansoori", None), ("Layla", "Haddad", None), ("Khalid", "Al Otaibi", None),
           ("Youssef", "Benali", None), ("Rania", "El Amrani", None)],
    "za": [("Sipho", "Dlamini", None), ("Lerato", "Mokoena", None), ("Johan", "van der Merwe", None),
           ("Anika", "Botha", None), ("Thabo", "Naidoo", None)],
    "ke": [("Wanjiru", "Kamau", None), ("Brian", "Otieno", None)],
}
COUNTRY_PEOPLE = {
    "US": "en", "CA": "en", "GB": "en", "IE": "en", "AU": "en", "DE": "de", "AT": "de", "CH": "de",
    "JP": "jp", "KR": "kr", "CN": "cn", "TW": "tw", "IL": "he", "IT": "it", "ES": "es", "MX": "es",
    "AR": "es", "CL": "es", "CO": "es", "BR": "pt", "NL": "nl", "BE": "nl", "SE": "sv", "DK": "da",
    "NO": "da", "FI": "fi", "PL": "pl", "CZ": "cz", "IN": "in", "SG": "sg", "AE": "ar", "SA": "ar",
    "MA": "ar", "ZA": "za", "KE": "ke",
}

ROLES = {
    "Startup": ["founder and CEO", "CTO", "co-founder and CSO", "head of R&D"],
    "Sme": ["CEO", "CTO", "R&D manager", "head of development"],
    "MidCap": ["VP R&D", "head of innovation", "R&D programme manager", "head of business development"],
    "Large": ["head of open innovation", "director of external research", "technology scouting manager",
              "VP R&D", "head of business development"],
}
HEALTH_ROLES = ["chief scientific officer", "head of translational research", "director of clinical development",
                "head of external innovation"]


# ---------------------------------------------------------------------------
# Companies
# ---------------------------------------------------------------------------

def weighted(choices, weights):
    return rng.choices(choices, weights=weights, k=1)[0]


def make_companies():
    companies = []
    used_ids = set()
    for cc, sectors in COUNTRY_SECTORS.items():
        spec = NAMING[cc]
        stems = list(spec["stems"])
        rng.shuffle(stems)
        need = sum(sectors.values())
        assert len(stems) >= need, f"not enough stems for {cc}: {len(stems)} < {need}"
        for sector, n in sectors.items():
            topics = [t for t in TOPICS[sector] if cc in TOPIC_COUNTRIES.get(t[0], {cc})]
            rng.shuffle(topics)
            for k in range(n):
                topic, insts, tdescs = topics[k % len(topics)]
                size = weighted(SIZES, SIZE_WEIGHTS[sector])
                stem = stems.pop()
                local = spec.get("local", {})
                fmt = spec.get("fmt")
                if cc == "CA" and stem in QC_STEMS:
                    local, fmt = QC_LOCAL, "local_first"
                if tdescs and rng.random() < spec["spec"]:
                    desc, is_local = rng.choice(tdescs), False
                elif sector in local:
                    desc, is_local = rng.choice(local[sector]), True
                else:
                    desc, is_local = rng.choice(GENERIC_EN[sector]), False
                suffix = rng.choice(spec["suffix"][size])
                if cc == "CH" and stem in CH_FRENCH:
                    suffix = "SA" if size != "Startup" else rng.choice(["SA", "Sàrl"])
                    if is_local:  # German descriptor for a French-speaking company: use English
                        desc = rng.choice(tdescs or GENERIC_EN[sector])
                if cc == "CA" and stem in QC_STEMS:
                    suffix = "inc."
                if fmt == "cn":
                    name = f"{rng.choice(CN_CITY[sector])} {stem} {desc} {suffix}"
                elif fmt == "local_first" and is_local:
                    name = f"{desc} {stem} {suffix}"
                else:
                    name = f"{stem} {desc} {suffix}"
                base_id = ascii_slug(f"{stem} {desc.split()[0]}")
                cid = base_id if base_id not in used_ids else f"{base_id}-{cc.lower()}"
                assert cid not in used_ids, cid
                used_ids.add(cid)
                companies.append(dict(
                    id=cid, name=name, country=cc, sector=sector, size=size,
                    website=f"https://www.{ascii_slug(stem + ' ' + desc)}.example",
                    topic=topic, institutes=insts, qc=(cc == "CA" and stem in QC_STEMS),
                ))
    return companies


# ---------------------------------------------------------------------------
# Meetings
# ---------------------------------------------------------------------------

EUROPE = {cc for cc, z in COUNTRY_ZONE.items() if z == "europe"}
STAGE_ORDER = ["FirstContact", "FollowUp", "Proposal", "Negotiation", "ContractSigned", "Closed"]
OPEN_STAGES = {"FirstContact", "FollowUp", "Proposal", "Negotiation"}

HOME_AFFILIATE = {
    "CA": "montreal", "JP": "tokyo", "KR": "seoul", "SG": "singapore", "CN": "shanghai", "TW": "shanghai",
    "AU": "sydney", "DE": "munich", "AT": "munich", "CH": "munich", "CZ": "munich", "GB": "london",
    "IE": "london", "BE": "brussels", "NL": "brussels", "SE": "stockholm", "DK": "stockholm",
    "FI": "stockholm", "NO": "stockholm", "IT": "milan", "ES": "milan", "IL": "tel-aviv",
    "BR": "sao-paulo", "AR": "sao-paulo", "CL": "sao-paulo",
}


def is_open(aff_id: str | None, day: D) -> bool:
    if aff_id is None:
        return True
    a = AFF[aff_id]
    if a["status"] == "Planned" or a["opened"] is None or a["opened"] > day:
        return False
    if a["status"] == "Closed" and day > SYDNEY_CLOSED:
        return False
    return True


def home_affiliate(c) -> str | None:
    cc = c["country"]
    if cc == "US":
        west = {"Semiconductors": 0.8, "Software": 0.8, "Biotech": 0.45, "Diagnostics": 0.5}.get(c["sector"], 0.35)
        return "san-francisco" if rng.random() < west else "boston"
    if cc == "CH" and c["name"].split()[0] in CH_FRENCH:
        return None  # Romandie and Ticino: followed from Paris
    return HOME_AFFILIATE.get(cc)


def choose_affiliate(c, day: D) -> str | None:
    if rng.random() < 0.06:
        return None  # visit to Paris, or a head-office mission
    home = c["home"]
    cc = c["country"]
    if c["ce"] and rng.random() < 0.3 and is_open("brussels", day):
        return "brussels"
    if home == "sydney" and not is_open("sydney", day):
        return "singapore"
    if cc == "IN" and is_open("singapore", day) and rng.random() < 0.35:
        return "singapore"
    if home is not None and is_open(home, day):
        return home
    # office not opened yet: neighbour office or head office
    fallback = {"seoul": "tokyo", "montreal": "boston", "san-francisco": "boston"}.get(home)
    if fallback and is_open(fallback, day) and rng.random() < 0.6:
        return fallback
    return None


def working_day(day: D, aff_id: str | None) -> D:
    sun_thu = aff_id == "tel-aviv"
    while True:
        wd = day.weekday()  # Monday = 0
        if (day.month == 12 and day.day >= 23) or (day.month == 1 and day.day <= 3):
            day = D(day.year + (day.month == 12), 1, 5)
            continue
        if sun_thu and wd in (4, 5):
            day += dt.timedelta(days=6 - wd)
            continue
        if not sun_thu and wd in (5, 6):
            day += dt.timedelta(days=7 - wd)
            continue
        return day


def trajectory(c) -> list[str]:
    r = rng.random()
    if c["gc"]:  # GLOBAL CARE follows its companies more closely: fewer one-off meetings
        r = 0.3 + 0.7 * r
    if c["ce"]:
        if r < 0.25:
            return ["FirstContact"]
        if r < 0.42:
            return ["FirstContact", "FollowUp"]
        if r < 0.62:
            return ["FirstContact", "FollowUp", "Proposal", "Closed"]
        if r < 0.75:
            return ["FirstContact", "FollowUp", "Proposal"]
        return ["FirstContact", "FollowUp", "Proposal", "Negotiation", "ContractSigned"]
    if r < 0.26:
        return ["FirstContact"]
    if r < 0.40:
        return ["FirstContact", "FollowUp"] + (["FollowUp"] if rng.random() < (0.7 if c["gc"] else 0.4) else [])
    if r < 0.49:
        return ["FirstContact", "FollowUp", "Closed"]
    if r < 0.57:
        return ["FirstContact", "FollowUp", "Proposal"] + (["Negotiation"] if rng.random() < 0.4 else []) + ["Closed"]
    if r < 0.69:
        return ["FirstContact", "FollowUp", "Proposal"] + (["Negotiation"] if rng.random() < 0.5 else [])
    stages = ["FirstContact"]
    if rng.random() < 0.85:
        stages.append("FollowUp")
    if rng.random() < 0.3:
        stages.append("FollowUp")
    stages.append("Proposal")
    if rng.random() < 0.8:
        stages.append("Negotiation")
    stages.append("ContractSigned")
    return stages


GAPS = {  # days before a meeting at this stage
    "FollowUp": (20, 70), "Proposal": (25, 80), "Negotiation": (20, 60),
    "ContractSigned": (20, 75), "Closed": (40, 140),
}
CE_GAPS = {
    "FollowUp": (20, 60), "Proposal": (30, 90), "Negotiation": (120, 170),
    "ContractSigned": (60, 110), "Closed": (120, 170),
}
PACE = {"JP": 1.45, "KR": 0.8, "IL": 0.8, "DE": 1.1, "CN": 1.1}


def start_date(c) -> D:
    home = c["home"]
    earliest = D(2013, 4, 2) if c["ce"] else FIRST_DAY
    opened = AFF[home]["opened"] if home else None
    if opened and earliest < opened <= D(2015, 6, 30) and rng.random() < 0.5:
        lo, hi = opened, D(2015, 10, 31)
    else:
        year = weighted([2013, 2014, 2015], [38, 35, 27])
        lo, hi = max(D(year, 1, 7), earliest), D(year, 12, 15)
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def round_to(x: float, step: int) -> int:
    return int(round(x / step)) * step


def base_value(c) -> int:
    if c["ce"]:
        lo, hi = 300_000, 2_500_000
    else:
        lo, hi = {"Startup": (60_000, 300_000), "Sme": (80_000, 700_000),
                  "MidCap": (150_000, 1_600_000), "Large": (300_000, 3_000_000)}[c["size"]]
    v = math.exp(rng.uniform(math.log(lo), math.log(hi)))
    return max(50_000, min(3_000_000, round_to(v, 5_000)))


# -- notes -------------------------------------------------------------------

INTROS = ["the French embassy's science and technology service", "Business France",
          "a former Carnot PhD student now in their team", "their French subsidiary", "the local cluster",
          "a venture investor who knows {inst}", "a partner company we already work with"]

EVENTS = [
    # name, countries (None = any), sectors (None = any), months, years (None = any), held in Paris
    ("BIO International Convention", {"US", "CA"}, HEALTH_SECTORS, {6}, None, False),
    ("the JP Morgan Healthcare Conference week", {"US"}, {"Biotech", "Pharma"}, {1}, None, False),
    ("BioJapan", {"JP"}, HEALTH_SECTORS, {10}, None, False),
    ("CEATEC JAPAN", {"JP"}, {"Semiconductors", "Telecom", "Software", "Automotive"}, {10}, None, False),
    ("nano tech in Tokyo", {"JP"}, {"Materials", "Chemicals", "Semiconductors"}, {1, 2}, None, False),
    ("MEDICA", {"DE", "AT", "CH", "NL", "BE"}, {"Medtech", "Diagnostics"}, {11}, None, False),
    ("Hannover Messe", {"DE", "AT", "CH", "CZ", "PL", "SE", "DK", "FI", "NL"},
     {"Industrial machinery", "Energy", "Automotive", "Materials"}, {4}, None, False),
    ("BIO-Europe", EUROPE, HEALTH_SECTORS, {11}, None, False),
    ("BIO-Europe Spring", EUROPE, HEALTH_SECTORS, {3}, None, False),
    ("BIOMED Israel", {"IL"}, HEALTH_SECTORS, {5}, None, False),
    ("SEMICON West", {"US", "TW", "KR"}, {"Semiconductors"}, {7}, None, False),
    ("SEMICON Taiwan", {"TW"}, {"Semiconductors"}, {9}, None, False),
    ("Computex", {"TW"}, {"Semiconductors", "Medtech"}, {6}, None, False),
    ("Arab Health", {"AE", "SA"}, HEALTH_SECTORS, {1}, None, False),
    ("the Farnborough Airshow", {"GB", "US", "CA", "DE", "ES", "IT"}, {"Aerospace"}, {7}, {2014}, False),
    ("InnoTrans in Berlin", None, {"Rail"}, {9}, {2014}, False),
    ("Offshore Northern Seas in Stavanger", {"NO", "DK", "GB"}, {"Energy"}, {8}, {2014}, False),
    ("Mining Indaba in Cape Town", {"ZA", "AU", "CA", "CL"}, {"Mining"}, {2}, None, False),
    ("PDAC in Toronto", {"CA", "CL", "BR", "ZA", "AU"}, {"Mining"}, {3}, None, False),
    ("Agrishow", {"BR"}, {"Agri-food"}, {4, 5}, None, False),
    ("CPhI Worldwide", None, {"Pharma"}, {10}, None, False),
    ("Mobile World Congress in Barcelona", None, {"Telecom"}, {2, 3}, None, False),
    ("Cosmoprof in Bologna", None, {"Cosmetics"}, {3}, None, False),
    ("the Paris Air Show", None, {"Aerospace"}, {6}, {2013, 2015}, True),
    ("the JEC Composites show in Paris", None, {"Materials", "Aerospace", "Automotive", "Chemicals"}, {3}, None, True),
    ("SIAL Paris", None, {"Agri-food"}, {10}, {2014}, True),
]


def find_event(c, day: D, paris: bool):
    for name, countries, sectors, months, years, in_paris in EVENTS:
        if in_paris != paris:
            continue
        if countries is not None and c["country"] not in countries:
            continue
        if sectors is not None and c["sector"] not in sectors:
            continue
        if day.month in months and (years is None or day.year in years):
            return name
    return None


T_FC = [
    "Introductory meeting with {who}. They are looking for outside expertise on {topic_l}; sent the {inst} {sheet}.",
    "First call with {who}, introduced by {intro}. Interest is real, but no budget before next year.",
    "Met {who_} after our seminar on {topic_l}; asked for two reference projects and a lab visit.",
    "Company visit with {who}. Their in-house team is small and outsourcing part of the work is an option.",
    "Short meeting with {who}: they are benchmarking three European institutes on {topic_l}. One-page offer expected within two weeks.",
    "Discovery meeting with {who}; their roadmap matches the work of {inst} on {topic_l}. They asked for an NDA first.",
    "Met {who_} on a visit arranged by {intro}. Good technical exchange; the decision maker is at headquarters.",
]
T_FC_EVENT = [
    "Met {who_} at {event}. Asked about {topic_l}; wants a follow-up call with {inst} researchers.",
    "Partnering meeting at {event} with {who}. Clear need on {topic_l}, budget to be confirmed.",
]
T_FC_COUNTRY = {
    "JP": ["名刺 exchanged with five people from R&D and planning. Any decision will go through a ringi; long process expected.",
           "Meeting at their central research laboratory with {who}; very detailed questions on {topic_l}, answers to send in writing."],
    "KR": ["Meeting with {who_} and the team in charge of international programmes; they want to apply jointly to a KIAT call."],
    "CN": ["Dinner with their vice-president for R&D and the science park director; interest in a joint lab on {topic_l}, to be turned into a first concrete project."],
    "DE": ["Meeting with the Geschäftsführer and {who}; they compare us with a Fraunhofer institute and want a detailed work plan."],
    "IL": ["Fast meeting with {who}; they want a validation study before their next funding round."],
    "BR": ["Long lunch with {who}; they want to combine a FAPESP project with work at {inst}."],
}
T_FU = [
    "Video call with researchers from {inst} and their technical team. NDA signed; samples to be shared next month.",
    "Visit of {who_} to {city}: lab tour and half-day workshop on {topic_l}. Next step: scoping a feasibility study.",
    "Follow-up with {who}: their legal team is still reviewing our NDA template.",
    "Sent a short note with three possible work packages; they will decide after their budget review in {month}.",
    "Second meeting with a wider team (R&D, purchasing, IP). Questions mainly on IP and timelines.",
    "They shared a specification; the {inst1} team thinks a first phase is feasible in {months} months.",
    "Technical exchange went well but their priorities are shifting; keep warm with a call in {month}.",
    "Data exchange under NDA done; {inst} team confident on the approach, waiting for their internal go.",
]
T_FU_SECTOR = {
    "health": ["Call with their clinical team: they need access to patient cohorts; {inst1} to check what the consents allow.",
               "Shared an anonymised data summary; they want a pilot on a first set of samples before committing.",
               "Scientific meeting with {inst} investigators; the model fits their programme, budget owner to be convinced."],
    "ict": ["Discussed access to the {inst1} clean room or platform and a possible resident engineer on site.",
            "Benchmark results shared under NDA; next step is a test campaign at {inst1}."],
    "materials": ["Samples received for characterisation at {inst1}; results expected in {month}.",
                  "Lab visit in {city}; they brought their own samples and want a comparison with their current supplier."],
    "industry": ["Test bench availability at {inst1} discussed; they want a measurement campaign before {month}.",
                 "Site visit at their plant with two {inst1} engineers; problem well defined, scope to be written by us."],
}
SECTOR_GROUP = {
    "Biotech": "health", "Pharma": "health", "Medtech": "health", "Diagnostics": "health",
    "Semiconductors": "ict", "Software": "ict", "Telecom": "ict",
    "Chemicals": "materials", "Materials": "materials", "Cosmetics": "materials", "Agri-food": "materials",
}
T_PR = [
    "Proposal sent: {months}-month programme at {inst}, {valk}.",
    "Presented the proposal to their R&D steering committee; decision expected within the quarter.",
    "Revised the proposal into two phases to fit their budget cycle; phase 1 at {valk}.",
    "Their procurement asked for a fixed-price quote; sent {valk} with quarterly milestones.",
    "Proposal under review by {who}; questions on the FTE mix and access to the {city} platform.",
]
T_NE = [
    "Negotiating IP: they want ownership of results; we offered institute ownership with an exclusive licence in their field.",
    "Legal review of the research agreement; open points are the liability cap and the publication delay.",
    "Budget agreed; still discussing governing law (they want {law}, we proposed ICC arbitration).",
    "Price agreed at {valk}; waiting for signature authority at headquarters.",
    "Publication clause settled (90-day review); the payment schedule is the last open point.",
    "Their lawyers sent a new draft with a broad non-compete clause; pushed back with the {inst1} legal team.",
]
T_CS = [
    "Contract signed; kick-off in {city} planned for {month}.",
    "Signed after {months_total} months of discussions. First milestone report due in {month}.",
    "Agreement signed for {valk}; {inst1} allocates a team of {fte} researchers.",
    "Signature with {who}; both sides want a joint communication after the first results.",
]
T_CL = [
    "Stopped: their R&D budget was frozen after a reorganisation.",
    "They decided to develop it in-house. Keep in touch for testing services.",
    "Company acquired by a larger group; R&D priorities reset, nothing before next year.",
    "Lost to an offer from a local university, mainly on price.",
    "No reply after three reminders; closed for now.",
    "Their project was cancelled after the product line was sold.",
]
T_CL_HEALTH = ["Clinical programme discontinued after phase II results; no further need.",
               "Their lead candidate was out-licensed; the new owner runs its own preclinical work."]
T_CE = {
    "FirstContact": [
        "Met {who_} at a Carnot Europe brokerage session in Brussels; interested in a consortium on {topic_l}.",
        "Discussed the coming Horizon 2020 topics with {who}; they could lead the demonstration work package on {topic_l}.",
        "Introductory meeting with {who}; they look for research partners for a European proposal on {topic_l}.",
    ],
    "FollowUp": [
        "Consortium call with {who_} and two other partners; {inst} would lead a work package.",
        "Shared a first draft of the concept note; {who_} will check internal support for the proposal.",
        "Agreed on the work package split; their letter of commitment expected in {month}.",
    ],
    "Proposal": [
        "Proposal submitted with their team as industrial partner; Carnot share ({inst}) {valk}.",
        "Stage-1 proposal submitted; {inst} share estimated at {valk}.",
    ],
    "Negotiation": [
        "Proposal retained; grant preparation under way. Consortium agreement based on DESCA under discussion.",
        "Grant preparation: budget tables and ethics section to revise by {month}.",
    ],
    "ContractSigned": [
        "Grant agreement signed; kick-off meeting planned in {month}.",
        "Consortium agreement and grant agreement both signed; {inst1} starts in {month}.",
    ],
    "Closed": [
        "Proposal not retained (above threshold but not funded). They may resubmit next year.",
        "Proposal not retained; evaluators criticised the exploitation plan.",
        "They withdrew from the consortium after a change of strategy.",
    ],
}
LAW = {
    "US": "New York law", "CA": "Ontario law", "MX": "Mexican law", "BR": "Brazilian law", "AR": "Argentine law",
    "CL": "Chilean law", "CO": "Colombian law", "JP": "Japanese law", "KR": "Korean law", "CN": "Chinese law",
    "TW": "Taiwanese law", "SG": "Singapore law", "IN": "Indian law", "AU": "New South Wales law",
    "DE": "German law", "AT": "Austrian law", "CH": "Swiss law", "GB": "English law", "IE": "Irish law",
    "NL": "Dutch law", "BE": "Belgian law", "DK": "Danish law", "SE": "Swedish law", "FI": "Finnish law",
    "NO": "Norwegian law", "IT": "Italian law", "ES": "Spanish law", "PL": "Polish law", "CZ": "Czech law",
    "IL": "Israeli law", "AE": "UAE law", "SA": "Saudi law", "ZA": "South African law", "MA": "Moroccan law",
    "KE": "Kenyan law",
}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def person(c) -> str:
    group = "qc" if c["qc"] else COUNTRY_PEOPLE[c["country"]]
    first, last, native = rng.choice(PEOPLE[group])
    if group in ("kr", "cn", "tw"):
        name = f"{last} {first}"
    else:
        name = f"{first} {last}"
    if native and rng.random() < 0.4:
        name += f" ({native})"
    if c["sector"] in HEALTH_SECTORS and rng.random() < 0.5:
        name = "Dr. " + name
    roles = ROLES[c["size"]] + (HEALTH_ROLES if c["sector"] in HEALTH_SECTORS and c["size"] != "Startup" else [])
    return f"{name}, {rng.choice(roles)}"


def fmt_k(v: int) -> str:
    return f"{v / 1_000_000:.2f} M€".replace(".00 M€", " M€") if v >= 1_000_000 else f"{v // 1000} k€"


KEEP_CAPITAL = {"Listeria", "Parkinson's", "Alzheimer's", "Li-ion"}


def lower_first(text: str) -> str:
    """'Shelf-life of dairy products' -> 'shelf-life ...', but keep 'Li-ion', 'CAR-T', 'Listeria'."""
    word = text.split()[0]
    if word in KEEP_CAPITAL or not word[1:].replace("-", "").islower():
        return text
    return text[0].lower() + text[1:]


def meeting_note(c, stage, day, value, first_day, paris_event):
    insts = c["institutes"][:2]
    inst = " and ".join(inst_short(i) for i in insts)
    who = c["contact"] if rng.random() < 0.75 else person(c)
    ctx = dict(
        who=who, who_=who + ",", inst=inst, inst1=inst_short(insts[0]), topic_l=lower_first(c["topic"]),
        sheet="capability sheet" if len(insts) == 1 else "capability sheets",
        city=INSTITUTE_CITY[c["institutes"][0]], months=rng.choice([6, 9, 12, 18]),
        fte=rng.choice([2, 3, 4, 5]), valk=fmt_k(value) if value else "the agreed budget",
        month=MONTHS[(day.month + rng.randint(0, 2)) % 12], law="Québec law" if c["qc"] else LAW[c["country"]],
        months_total=max(2, round((day - first_day).days / 30.4)),
    )
    ctx["intro"] = rng.choice(INTROS).format(**ctx)
    if c["ce"]:
        template = rng.choice(T_CE[stage])
    elif stage == "FirstContact":
        event = paris_event or find_event(c, day, paris=False)
        if event and rng.random() < 0.8:
            ctx["event"] = event
            template = rng.choice(T_FC_EVENT)
        elif c["country"] in T_FC_COUNTRY and rng.random() < 0.5:
            template = rng.choice(T_FC_COUNTRY[c["country"]])
        else:
            template = rng.choice(T_FC)
    elif stage == "FollowUp" and rng.random() < 0.4:
        template = rng.choice(T_FU_SECTOR[SECTOR_GROUP.get(c["sector"], "industry")])
    elif stage == "Closed" and c["sector"] in {"Biotech", "Pharma"} and rng.random() < 0.4:
        template = rng.choice(T_CL_HEALTH)
    else:
        template = rng.choice({"FollowUp": T_FU, "Proposal": T_PR, "Negotiation": T_NE,
                               "ContractSigned": T_CS, "Closed": T_CL}[stage])
    return template.format(**ctx)


def make_meetings(companies):
    meetings = []
    for c in companies:
        stages = trajectory(c)
        day = start_date(c)
        gaps = CE_GAPS if c["ce"] else GAPS
        pace = PACE.get(c["country"], 1.0)
        base = base_value(c)
        value = None
        first_day = None
        for i, stage in enumerate(stages):
            if i > 0:
                lo, hi = gaps[stage]
                day = day + dt.timedelta(days=round(rng.randint(lo, hi) * pace))
            aff = choose_affiliate(c, day)
            paris_event = find_event(c, day, paris=True) if stage == "FirstContact" else None
            if paris_event and rng.random() < 0.8:
                aff = None
            else:
                paris_event = None
            day = working_day(day, aff)
            if aff is not None and not is_open(aff, day):
                aff = None
            limit = D(2015, 11, 30) if stage == "ContractSigned" else LAST_DAY
            if day > limit:
                break
            first_day = first_day or day
            # expected value of the deal
            if stage == "Proposal":
                value = base
            elif stage == "Negotiation":
                value = round_to((value or base) * rng.uniform(0.85, 1.05), 5_000)
            elif stage == "ContractSigned":
                value = round_to((value or base) * rng.uniform(0.95, 1.0), 5_000)
            shown = None
            if stage in ("Proposal", "Negotiation", "ContractSigned"):
                shown = value if (stage == "ContractSigned" or rng.random() < 0.95) else None
            elif stage == "FollowUp" and rng.random() < 0.2:
                shown = round_to(base * rng.uniform(0.6, 1.0), 10_000)
            if shown is not None:
                shown = max(50_000, shown)
            follow = None
            if stage in OPEN_STAGES and rng.random() < 0.85:
                lo, hi = {"FirstContact": (21, 45), "FollowUp": (14, 42), "Proposal": (21, 56),
                          "Negotiation": (10, 35)}[stage]
                follow = working_day(day + dt.timedelta(days=rng.randint(lo, hi)), aff)
            p_note = {"ContractSigned": 0.75, "Closed": 0.75, "Proposal": 0.55}.get(stage, 0.45)
            note = meeting_note(c, stage, day, shown or value, first_day, paris_event) \
                if (rng.random() < p_note or paris_event) else None
            initiative = "GLOBAL CARE" if c["gc"] else ("Carnot Europe" if c["ce"] else None)
            meetings.append(dict(
                date=day, company=c["id"], affiliate=aff, institutes=list(c["institutes"]),
                initiative=initiative, topic=c["topic"], stage=stage, value_eur=shown,
                follow_up=follow, notes=note, _seq=i,
            ))
    meetings.sort(key=lambda m: (m["date"], m["company"], m["_seq"]))
    for n, m in enumerate(meetings, 1):
        m["id"] = f"m-{n:04d}"
    return meetings


# ---------------------------------------------------------------------------
# Contracts
# ---------------------------------------------------------------------------

BILATERAL_KINDS = {
    "health": ["research collaboration agreement", "preclinical study agreement", "sponsored research agreement",
               "feasibility study"],
    "Diagnostics": ["assay development agreement", "clinical validation study", "feasibility study"],
    "Medtech": ["device development agreement", "feasibility study", "bench and preclinical testing agreement"],
    "tech": ["research agreement", "feasibility study", "joint development programme",
             "characterisation and testing campaign", "licence and research agreement"],
}

ACRONYMS = ["TRIBOLINK", "HYDROFLEX", "NANOFORGE", "CERAMIX", "SMARTRAIL-EU", "AQUASENSE", "BIOCAST",
            "THERMOLINK", "PRECISO", "STRATOS-AM", "FLEXGRID", "POLYCYCLE", "DIGIFAB", "GEOCAPTURE",
            "BUILDLOOP", "SAFEWELD", "AGROSENSE", "LIGNOVAL"]

# Hand-written European projects (Carnot share, before the 2014 calibration).
EU_PROJECTS = [
    ("SEASENSE — autonomous sensor networks for coastal monitoring", "FP7", "NO", ["ifremer", "cea-list"], D(2013, 3, 21), 1_450_000),
    ("LYMPHOTARGET — biomarker-driven trials in aggressive lymphoma", "FP7", "NL", ["calym", "curie-cancer"], D(2013, 5, 14), 2_100_000),
    ("HEATHARVEST — thermoelectric nanomaterials for waste-heat recovery", "FP7", "DE", ["mib", "energies-futur"], D(2013, 7, 2), 1_150_000),
    ("STORGRID — storage management for distribution grids", "Eurostars", "DK", ["energies-futur", "inria"], D(2013, 6, 18), 420_000),
    ("RAILSCAN — condition monitoring of rail infrastructure", "FP7", "ES", ["vitres", "cea-list"], D(2013, 9, 17), 780_000),
    ("BIOCOMPOSE — bio-based composites for car interiors", "FP7", "IT", ["polynat", "3bcar"], D(2013, 10, 22), 920_000),
    ("NEUROSYN — synaptic dysfunction in neurodegenerative disease", "ERC", "FR", ["icm"], D(2013, 11, 5), 3_400_000),
    ("DENGUE-DX — rapid diagnostics for dengue in endemic settings", "FP7", "GB", ["pasteur-mi"], D(2013, 12, 10), 1_300_000),
    ("OPTOVISION — optogenetic therapy for retinal degeneration", "FP7", "DE", ["voir-entendre"], D(2014, 1, 28), 2_400_000),
    ("AEROICE — ice accretion modelling for next-generation aircraft", "FP7", "GB", ["onera"], D(2014, 2, 19), 1_800_000),
    ("CLEANCOMB — low-emission combustion for aero engines", "Clean Sky", "DE", ["esp", "onera"], D(2014, 3, 25), 1_650_000),
    ("TIDALTEST — open-sea testing of tidal turbines", "Eurostars", "NO", ["ifremer"], D(2014, 6, 12), 380_000),
    ("GEOHEAT — geothermal resources in sedimentary basins", "Horizon 2020", "DE", ["brgm", "isifor"], D(2014, 9, 30), 1_250_000),
    ("PHOTONFAB — silicon photonics pilot line", "Horizon 2020", "BE", ["cea-leti"], D(2014, 10, 15), 3_600_000),
    ("SECUREPLANT — cybersecurity of industrial control systems", "Horizon 2020", "ES", ["cea-list", "tsn"], D(2014, 10, 28), 1_100_000),
    ("CELLSTORE — durable Li-ion cells for electric vehicles", "Horizon 2020", "DE", ["energies-futur", "ifpen-te"], D(2014, 11, 20), 2_200_000),
    ("TB-SERO — multiplex serology for tuberculosis screening", "Horizon 2020", "NL", ["pasteur-mi"], D(2014, 12, 3), 1_400_000),
    ("FRESHCHAIN — shelf-life prediction for dairy and fresh products", "Horizon 2020", "IE", ["qualiment", "irstea"], D(2014, 12, 16), 900_000),
    ("MS-IMAGE — imaging biomarkers for progressive multiple sclerosis", "Horizon 2020", "IT", ["icm"], D(2015, 2, 24), 1_700_000),
    ("SOFCSEAL — durable seals for solid oxide fuel cells", "FCH JU", "DK", ["cirimat", "energies-futur"], D(2015, 3, 17), 780_000),
    ("IMMUNOLYMPH — patient stratification for immunotherapy in lymphoma", "IMI2", "BE", ["calym", "curie-cancer"], D(2015, 4, 14), 2_800_000),
    ("TRACKWATCH — predictive maintenance of railway track", "Horizon 2020", "SE", ["vitres"], D(2015, 4, 28), 950_000),
    ("HEARGEN — gene therapy for hereditary deafness", "Horizon 2020", "SE", ["voir-entendre"], D(2015, 5, 19), 1_350_000),
    ("LIGNOCHEM — lignin valorisation for bio-based chemicals", "Bio-Based Industries", "FI", ["3bcar", "polynat", "chimie-balard"], D(2015, 5, 26), 1_900_000),
    ("VINEBOT — robotics for precision viticulture", "Horizon 2020", "FR", ["irstea", "laas"], D(2015, 6, 9), 1_500_000),
    ("AMR-RAPID — rapid antimicrobial susceptibility testing", "Horizon 2020", "DE", ["pasteur-mi", "ipgg"], D(2015, 6, 23), 1_600_000),
    ("5G-WAVES — waveform design for 5G networks", "Horizon 2020", "DE", ["cea-leti", "tsn"], D(2015, 7, 1), 2_100_000),
    ("FUSELAGE-CT — damage-tolerant composite fuselage panels", "Clean Sky 2", "ES", ["onera", "mines"], D(2015, 7, 7), 2_900_000),
    ("RENOVATE — deep energy renovation of residential buildings", "Horizon 2020", "AT", ["cstb"], D(2015, 9, 15), 850_000),
    ("CO2WATCH — monitoring of CO2 storage sites", "Horizon 2020", "NO", ["brgm", "isifor"], D(2015, 9, 29), 1_200_000),
    ("AGRIFOOD-FWVL — cross-border innovation in food processing", "Interreg", "BE", ["qualiment", "3bcar"], D(2015, 10, 6), 480_000),
    ("WELDSCAN — automated ultrasonic inspection of welds", "Eurostars", "NL", ["cetim", "cea-list"], D(2015, 11, 10), 350_000),
    ("NEUROWEAR — wearable sensors for monitoring Parkinson's disease at home", "Horizon 2020", "IL", ["icm", "cea-leti"], D(2015, 10, 20), 1_300_000),
    ("AMD-SCREEN — screening for age-related macular degeneration in primary care", "EIT Health", "DE", ["voir-entendre", "inria"], D(2015, 12, 8), 650_000),
]

BILATERAL_RANGE = (80_000, 4_000_000)
EUROPEAN_RANGE = (300_000, 12_000_000)


def make_contracts(companies, meetings):
    by_id = {c["id"]: c for c in companies}
    contracts = []
    signed_meetings = [m for m in meetings if m["stage"] == "ContractSigned"]
    acronyms = list(ACRONYMS)
    rng.shuffle(acronyms)
    for m in signed_meetings:
        c = by_id[m["company"]]
        signed = working_day(m["date"] + dt.timedelta(days=rng.randint(3, 25)), None)
        if c["ce"]:
            if signed < D(2014, 3, 1):
                programme = "FP7"
            elif c["size"] in ("Startup", "Sme") and rng.random() < 0.4:
                programme = "Eurostars"
            else:
                programme = "Horizon 2020"
            amount = min(max(m["value_eur"], EUROPEAN_RANGE[0]), EUROPEAN_RANGE[1])
            contracts.append(dict(
                title=f"{acronyms.pop()} — {c['topic']}", kind="European", company=c["id"],
                country=c["country"], programme=programme, institutes=list(m["institutes"]),
                signed=signed, amount_eur=amount, meeting=m["id"], _linked=True))
        else:
            group = c["sector"] if c["sector"] in ("Diagnostics", "Medtech") else (
                "health" if c["sector"] in HEALTH_SECTORS else "tech")
            amount = min(max(m["value_eur"], BILATERAL_RANGE[0]), BILATERAL_RANGE[1])
            contracts.append(dict(
                title=f"{c['topic']} — {rng.choice(BILATERAL_KINDS[group])}", kind="Bilateral",
                company=c["id"], institutes=list(m["institutes"]), signed=signed, amount_eur=amount,
                meeting=m["id"]))
    for title, programme, cc, insts, signed, amount in EU_PROJECTS:
        contracts.append(dict(title=title, kind="European", country=cc, programme=programme,
                              institutes=list(insts), signed=signed, amount_eur=amount, _linked=False))

    # Calibrate 2014 so that European projects outweigh bilateral contracts in the
    # ratio quoted by the network for that year (110 M€ vs 75 M€).
    bil14 = sum(k["amount_eur"] for k in contracts if k["kind"] == "Bilateral" and k["signed"].year == 2014)
    linked14 = sum(k["amount_eur"] for k in contracts
                   if k["kind"] == "European" and k["signed"].year == 2014 and k["_linked"])
    free14 = [k for k in contracts if k["kind"] == "European" and k["signed"].year == 2014 and not k["_linked"]]
    target = round(bil14 * 110 / 75) - linked14
    factor = target / sum(k["amount_eur"] for k in free14)
    for k in free14:
        k["amount_eur"] = min(max(round_to(k["amount_eur"] * factor, 10_000), EUROPEAN_RANGE[0]), EUROPEAN_RANGE[1])

    contracts.sort(key=lambda k: (k["signed"], k["title"]))
    for n, k in enumerate(contracts, 1):
        k["id"] = f"c-{n:04d}"
    return contracts


# ---------------------------------------------------------------------------
# RON writer
# ---------------------------------------------------------------------------

class Enum(str):
    """A bare RON identifier (enum variant)."""


class Raw(str):
    """A multi-line raw string."""


def ron_value(v, indent: int) -> str:
    pad = "    " * indent
    if isinstance(v, Enum):
        return str(v)
    if isinstance(v, Raw):
        # Same rule as the app's writer (src/format/write.rs): one more '#' than the longest
        # run of '#' right after a '"' in the text, so the file is already canonical.
        hashes = "#" * (max((len(run) for run in re.findall(r'"(#*)', v)), default=0) + 1)
        return "r" + hashes + '"' + v + '"' + hashes
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, D):
        return '"' + v.isoformat() + '"'
    if isinstance(v, str):
        assert "\n" not in v and "\r" not in v, v
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, list):
        if all(isinstance(x, str) and not isinstance(x, (Raw, Enum)) for x in v):
            return "[" + ", ".join(ron_value(x, 0) for x in v) + "]"
        inner = "".join(f"{pad}    {ron_value(x, indent + 1)},\n" for x in v)
        return "[\n" + inner + pad + "]"
    if isinstance(v, dict):
        inner = "".join(f"{pad}    {k}: {ron_value(x, indent + 1)},\n" for k, x in v.items() if x is not None)
        return "(\n" + inner + pad + ")"
    raise TypeError(type(v))


def to_ron(doc: dict) -> str:
    return "#![enable(implicit_some)]\n" + ron_value(doc, 0) + "\n"


# ---------------------------------------------------------------------------
# Assembly
# ---------------------------------------------------------------------------

def build():
    companies = make_companies()
    for c in companies:
        c["home"] = home_affiliate(c)
        c["gc"] = (c["sector"] in HEALTH_SECTORS and any(i in HEALTH_INSTITUTES for i in c["institutes"])
                   and rng.random() < 0.95)
        c["ce"] = (c["country"] in EUROPE and c["sector"] not in HEALTH_SECTORS and rng.random() < 0.45)
    for c in companies:
        c["contact"] = person(c)  # main contact, met at most meetings
    # Some companies are written as they write themselves too, so that the
    # sample shows names in their own scripts (the fonts must cover them).
    for c in companies:
        if c["id"] in NATIVE_NAMES:
            c["name"] = f'{c["name"]} ({NATIVE_NAMES[c["id"]]})'
    meetings = make_meetings(companies)
    contracts = make_contracts(companies, meetings)

    used_countries = sorted({a["country"] for a in AFFILIATES} | {c["country"] for c in companies}
                            | {n["country"] for n in NOTES}
                            | {k["country"] for k in contracts if k.get("country")})
    doc = {
        "format": 1,
        "title": "Carnot network — international liaison (sample data)",
        "zones": [{"id": z, "name": n} for z, n in ZONES],
        "countries": [{"code": cc, "zone": COUNTRY_ZONE[cc]} for cc in used_countries],
        "institutes": [{"id": i, "name": n, "domain": d} for i, n, d, _ in INSTITUTES],
        "affiliates": [{
            "id": a["id"], "name": a["name"], "country": a["country"], "city": a["city"],
            "status": Enum(a["status"]), "opened": a["opened"], "institutes": a["institutes"],
            "contact": {"name": a["contact"][0], "email": f"{a['contact'][1]}@{EMAIL_DOMAIN}",
                        "phone": a["contact"][2]},
            "notes": a["notes"],
        } for a in AFFILIATES],
        "companies": [{
            "id": c["id"], "name": c["name"], "country": c["country"], "sector": c["sector"],
            "size": Enum(c["size"]), "website": c["website"],
        } for c in companies],
        "meetings": [{
            "id": m["id"], "date": m["date"], "company": m["company"], "affiliate": m["affiliate"],
            "institutes": m["institutes"], "initiative": m["initiative"], "topic": m["topic"],
            "stage": Enum(m["stage"]), "value_eur": m["value_eur"], "follow_up": m["follow_up"],
            "notes": m["notes"],
        } for m in meetings],
        "country_notes": [{
            "id": n["id"], "country": n["country"], "title": n["title"], "body": Raw(n["body"]),
            "tags": n["tags"], "updated": n["updated"], "author": contact_name(n["author"]),
        } for n in NOTES],
        "contracts": [{
            "id": k["id"], "title": k["title"], "kind": Enum(k["kind"]), "company": k.get("company"),
            "country": k.get("country"), "programme": k.get("programme"), "institutes": k["institutes"],
            "signed": k["signed"], "amount_eur": k["amount_eur"], "meeting": k.get("meeting"),
        } for k in contracts],
    }
    return doc, companies


# ---------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def check(doc, text: str) -> dict:
    def ids(key, field="id"):
        values = [r[field] for r in doc[key]]
        assert len(values) == len(set(values)), f"duplicate ids in {key}"
        return set(values)

    zone_ids = ids("zones")
    assert zone_ids == {z for z, _ in ZONES}
    country_codes = ids("countries", "code")
    inst_ids = ids("institutes")
    aff_ids = ids("affiliates")
    company_ids = ids("companies")
    meeting_ids = ids("meetings")
    note_ids = ids("country_notes")
    contract_ids = ids("contracts")
    for key in ("zones", "institutes", "affiliates", "companies", "meetings", "country_notes", "contracts"):
        for r in doc[key]:
            assert SLUG.match(r["id"]), f"bad id {r['id']!r} in {key}"
    for c in doc["countries"]:
        assert re.fullmatch(r"[A-Z]{2}", c["code"]) and c["zone"] in zone_ids

    # every date in the file is a real date
    for s in re.findall(r'"(\d{4}-\d{2}-\d{2})"', text):
        D.fromisoformat(s)

    used = set()
    affs = {a["id"]: a for a in doc["affiliates"]}
    for a in doc["affiliates"]:
        used.add(a["country"])
        assert set(a["institutes"]) <= inst_ids
    statuses = [a["status"] for a in doc["affiliates"]]
    assert len(doc["affiliates"]) >= 18
    assert statuses.count("Closed") == 1 and 3 <= statuses.count("Planned") <= 4
    for a in doc["affiliates"]:
        if a["status"] == "Planned":
            assert a.get("opened") is None or a["opened"] > LAST_DAY
    assert len({COUNTRY_ZONE[a["country"]] for a in doc["affiliates"]}) >= 5

    comps = {c["id"]: c for c in doc["companies"]}
    for c in doc["companies"]:
        used.add(c["country"])
        assert c["country"] != "FR"
        assert c["website"].startswith("https://www.") and c["website"].endswith(".example")
    assert len({c["name"] for c in doc["companies"]}) == len(doc["companies"]), "duplicate company names"
    assert len(doc["companies"]) >= 260
    assert len({c["country"] for c in doc["companies"]}) >= 25
    for s in SIZES:
        share = sum(c["size"] == s for c in doc["companies"]) / len(doc["companies"])
        assert share >= 0.15, f"size {s} under-represented: {share:.0%}"

    ms = doc["meetings"]
    assert len(ms) >= 650
    assert [m["id"] for m in ms] == [f"m-{i:04d}" for i in range(1, len(ms) + 1)]
    assert all(ms[i]["date"] <= ms[i + 1]["date"] for i in range(len(ms) - 1)), "meetings not ordered by date"
    per_company: dict[str, list] = {}
    for m in ms:
        assert FIRST_DAY <= m["date"] <= LAST_DAY
        assert m["company"] in company_ids
        assert 1 <= len(m["institutes"]) <= 3 and set(m["institutes"]) <= inst_ids
        if m.get("affiliate"):
            a = affs[m["affiliate"]]
            assert a["status"] != "Planned" and a["opened"] <= m["date"], (m["id"], a["id"])
            if a["status"] == "Closed":
                assert m["date"] <= SYDNEY_CLOSED
        if m.get("follow_up"):
            assert m["follow_up"] > m["date"] and m["stage"] in OPEN_STAGES
        if m.get("value_eur") is not None:
            assert 50_000 <= m["value_eur"] <= 3_000_000
        if m.get("initiative") == "GLOBAL CARE":
            assert comps[m["company"]]["sector"] in HEALTH_SECTORS
            assert set(m["institutes"]) & set(HEALTH_INSTITUTES)
        per_company.setdefault(m["company"], []).append(m)
    for cid, lst in per_company.items():
        order = [STAGE_ORDER.index(m["stage"]) for m in lst]
        assert order == sorted(order), f"stage regression for {cid}"
        assert lst[0]["stage"] == "FirstContact"
        assert all(m["stage"] != "Closed" for m in lst[:-1])
        assert sum(m["stage"] == "ContractSigned" for m in lst) <= 1
    assert len(per_company) >= 250
    by_year = {y: sum(m["date"].year == y for m in ms) for y in (2013, 2014, 2015)}
    assert by_year[2014] > by_year[2013] and by_year[2015] > by_year[2013], by_year
    gc_share = sum(m.get("initiative") == "GLOBAL CARE" for m in ms) / len(ms)
    assert 0.35 <= gc_share <= 0.45, gc_share
    assert any(m.get("affiliate") is None for m in ms)
    notes_share = sum(bool(m.get("notes")) for m in ms) / len(ms)
    assert 0.4 <= notes_share <= 0.6, notes_share

    notes = doc["country_notes"]
    contacts = {a["contact"]["name"] for a in doc["affiliates"]}
    assert len(notes) >= 45 and len({n["country"] for n in notes}) >= 20
    for n in notes:
        used.add(n["country"])
        words = len(n["body"].split())
        assert 150 <= words <= 400, (n["id"], words)
        assert "\n\n" in n["body"] and '"#' not in n["body"]
        assert n["author"] in contacts and D(2013, 1, 1) <= n["updated"] <= LAST_DAY

    meetings_by_id = {m["id"]: m for m in ms}
    ks = doc["contracts"]
    assert len(ks) >= 60
    totals: dict[tuple[int, str], int] = {}
    for k in ks:
        assert set(k["institutes"]) <= inst_ids and k["institutes"]
        assert FIRST_DAY <= k["signed"] <= LAST_DAY
        if k["kind"] == "Bilateral":
            assert k.get("company") in company_ids
            assert BILATERAL_RANGE[0] <= k["amount_eur"] <= BILATERAL_RANGE[1]
        else:
            assert k.get("country") and k.get("programme")
            assert EUROPEAN_RANGE[0] <= k["amount_eur"] <= EUROPEAN_RANGE[1]
            used.add(k["country"])
            if k.get("company"):
                assert k["company"] in company_ids
        if k.get("meeting"):
            m = meetings_by_id[k["meeting"]]
            assert m["company"] == k.get("company") and m["stage"] == "ContractSigned"
            assert k["signed"] > m["date"]
        totals[(k["signed"].year, k["kind"])] = totals.get((k["signed"].year, k["kind"]), 0) + k["amount_eur"]
    # every ContractSigned meeting has its contract
    linked = {k.get("meeting") for k in ks}
    assert all(m["id"] in linked for m in ms if m["stage"] == "ContractSigned")
    assert totals[(2014, "European")] > totals[(2014, "Bilateral")] >= 10_000_000, totals

    missing = used - country_codes
    assert not missing, f"countries used but not listed: {missing}"
    assert "\r" not in text and "\t" not in text

    return dict(by_year=by_year, gc_share=gc_share, notes_share=notes_share, totals=totals,
                companies_met=len(per_company))


NATIVE_NAMES = {
    "sanuki-denshi": "讃岐電子株式会社",
    "sobaek-semitech": "소백세미텍",
    "lushan-communication": "深圳庐山通信技术有限公司",
    "alishan-power": "阿里山電力電子",
    "hermon-neurotech": "חרמון נוירוטק",
    "najd-catalysis": "شركة نجد للحفز",
    "liwa-power": "ليوا لأنظمة الطاقة",
    "konark-life": "कोणार्क लाइफ साइंसेज",
}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)

    doc, _ = build()
    text = to_ron(doc)
    stats = check(doc, text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8", newline="\n")

    print(f"wrote {args.output} ({len(text.encode('utf-8')):,} bytes)")
    for key in ("zones", "countries", "institutes", "affiliates", "companies", "meetings",
                "country_notes", "contracts"):
        print(f"  {key:14} {len(doc[key]):5}")
    ms = doc["meetings"]
    print(f"  meetings by year: {stats['by_year']}; distinct companies met: {stats['companies_met']}")
    print(f"  GLOBAL CARE share {stats['gc_share']:.1%}; "
          f"Carnot Europe share {sum(m.get('initiative') == 'Carnot Europe' for m in ms) / len(ms):.1%}; "
          f"head office {sum(m.get('affiliate') is None for m in ms)}; with notes {stats['notes_share']:.0%}")
    stages = {s: sum(m["stage"] == s for m in ms) for s in STAGE_ORDER}
    print(f"  stages: {stages}")
    sizes = {s: sum(c["size"] == s for c in doc["companies"]) for s in SIZES}
    print(f"  company sizes: {sizes}; countries with companies: "
          f"{len({c['country'] for c in doc['companies']})}")
    print("  contracts (count, total €) by year and kind:")
    for year in (2013, 2014, 2015):
        parts = []
        for kind in ("Bilateral", "European"):
            ks = [k for k in doc["contracts"] if k["signed"].year == year and k["kind"] == kind]
            parts.append(f"{kind} {len(ks):3} / {sum(k['amount_eur'] for k in ks):>12,}")
        print(f"    {year}: " + "   ".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
