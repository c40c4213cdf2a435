-- A record's body is kept as the JSON text it was accepted as, and the fields the lists filter on get columns.
--
-- Storing the body as jsonb made PostgreSQL parse every record into its binary form on insert, and the three
-- partial indexes evaluated a JSON field of it per row. Nothing reads the binary form back except those
-- filters: the engine and the API want the text. Inserting 100 000 order rows with this table's indexes
-- (PostgreSQL 18, this project's 2-core machine, three runs each, alternated): 2.5–3.5 s with the body as
-- jsonb, whether the merchant's index was on an expression or on a column; 1.6–2.4 s with the body as text
-- and the filter fields as columns. A filter on a column with no index scans a narrow value instead of
-- looking inside each body.
--
-- The columns hold the record's top-level fields of the same name, for the types that have them, and are
-- null otherwise: an order's merchant, marketplace and lane; a payment's and a shipment's order; a shipment's
-- forwarder; a listing's seller; a tracking event's shipment; a participant's kind, country and legal name.
-- The ingestion lane writes them with the record (io.caravan.server.ingest.ParsedRecord#filterValues).
--
-- Existing rows are filled in from their bodies first, then the body column is rewritten as text (jsonb's
-- own text form: the same JSON, spaced). Both steps rewrite the table: a store of a million orders takes
-- about a minute, once, at the first start of this version.

drop index if exists record_tracking_by_shipment;
drop index if exists record_payment_by_order;
drop index if exists record_order_by_merchant;

alter table record
    add column merchant_id    text,
    add column marketplace_id text,
    add column ship_from      text,
    add column ship_to        text,
    add column order_id       text,
    add column forwarder_id   text,
    add column seller_id      text,
    add column shipment_id    text,
    add column kind           text,
    add column country        text,
    add column legal_name     text;

update record set merchant_id = body ->> 'merchant_id', marketplace_id = body ->> 'marketplace_id',
                  ship_from = body ->> 'ship_from', ship_to = body ->> 'ship_to'
 where type = 'order';
update record set order_id = body ->> 'order_id' where type = 'payment';
update record set order_id = body ->> 'order_id', forwarder_id = body ->> 'forwarder_id' where type = 'shipment';
update record set seller_id = body ->> 'seller_id' where type = 'listing';
update record set shipment_id = body ->> 'shipment_id' where type = 'tracking';
update record set kind = body ->> 'kind', country = body ->> 'country', legal_name = body ->> 'legal_name'
 where type = 'participant';

alter table record alter column body type text using body::text;

create index record_tracking_by_shipment on record (tenant_id, shipment_id) where type = 'tracking';
create index record_payment_by_order on record (tenant_id, order_id) where type = 'payment';
create index record_order_by_merchant on record (tenant_id, merchant_id) where type = 'order';
