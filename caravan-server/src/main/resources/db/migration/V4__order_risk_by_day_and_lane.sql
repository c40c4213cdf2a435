-- Order risk summed by day and lane, for the dashboard's overview: its charts read a few thousand rows of
-- this table instead of aggregating millions of assessments. Each order assessment adds to the row of its
-- day (UTC, by the order's time) and its lane (ship_from → ship_to) in the transaction that stores it; a
-- mean is a sum divided by orders.
create table order_risk_daily (
    tenant_id          bigint           not null references tenant (id),
    day                date             not null,
    ship_from          text collate "C" not null,
    ship_to            text collate "C" not null,
    orders             bigint           not null,
    p_max              double precision not null,
    p_credit           double precision not null,
    p_logistics        double precision not null,
    p_information      double precision not null,
    p_legal            double precision not null,
    p_political        double precision not null,
    p_natural          double precision not null,
    exposure_usd       double precision not null,
    expected_loss_usd  double precision not null,
    approved           bigint           not null,  -- orders by the engine's decision
    reviewed           bigint           not null,
    held               bigint           not null,
    blocked            bigint           not null,
    primary key (tenant_id, day, ship_from, ship_to)
);

-- What was stored before this table existed.
insert into order_risk_daily
select a.tenant_id, (a.as_of at time zone 'UTC')::date, r.body ->> 'ship_from', r.body ->> 'ship_to', count(*),
       sum(a.p_max), sum(a.p_credit), sum(a.p_logistics), sum(a.p_information), sum(a.p_legal), sum(a.p_political),
       sum(a.p_natural), sum(a.exposure_usd), sum(a.expected_loss_usd),
       count(*) filter (where a.action = 'APPROVE'), count(*) filter (where a.action = 'REVIEW'),
       count(*) filter (where a.action = 'HOLD'), count(*) filter (where a.action = 'BLOCK')
from assessment a
join record r on r.tenant_id = a.tenant_id and r.seq = a.record_seq and r.type = 'order'
where a.subject_type = 'order'
group by 1, 2, 3, 4;
