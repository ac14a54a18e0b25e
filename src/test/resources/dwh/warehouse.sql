-- A small data warehouse of a housing corporation, for the tests of the PostgreSQL source: the
-- example queries of jobs/sql/ read it. Dutch names, free text and a column of its own that
-- Leefbaar must never read.
create schema dwh;

create table dwh.melding (
    melding_nr     text primary key,
    complex_code   text,
    vhe_nr         text,
    categorie      text,
    ontvangen_op   timestamptz,
    afgehandeld_op timestamptz,
    kanaal         text,
    vervolg        text,
    omschrijving   text,
    gewijzigd_op   timestamptz not null
);

create table dwh.activiteit (
    activiteit_nr  text primary key,
    complex_code   text,
    buurt_code     text,
    soort          text,
    datum          date,
    deelnemers     integer,
    doel_categorie text,
    gewijzigd_op   timestamptz not null
);
