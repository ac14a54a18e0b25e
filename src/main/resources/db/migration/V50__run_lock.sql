-- Who runs which job for which month. The lock itself is a PostgreSQL advisory lock held by the
-- running process's session (so a killed process cannot leave it behind); this row only names
-- the holder for the one that has to wait. A row left by a killed process is overwritten by the
-- next holder.
create table run_lock (
    job    text not null,
    month  text not null,
    holder text not null,
    since  timestamptz not null default now(),
    primary key (job, month)
);
