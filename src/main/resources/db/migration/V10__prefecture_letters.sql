-- The préfecture's letters as Acta records them, the collectivité's replies with their
-- acknowledgement, and the follow-up of an act's cancellation.

-- A letter: its own date, the reply's sending (marker committed before the request, transaction id
-- after it), its follow-up and the préfecture's acknowledgement, and the e-mail of a déféré.
alter table prefecture_message add column letter_date date;
alter table prefecture_message add column reply_error varchar(4000);
alter table prefecture_message add column reply_polls int not null default 0;
alter table prefecture_message add column reply_ar_xml text;
alter table prefecture_message add column reply_ar_date date;
alter table prefecture_message add column reply_acknowledged_at timestamptz;
alter table prefecture_message add column notified_at timestamptz;
create index prefecture_message_reply on prefecture_message(tenant_id, reply_transaction_id);

-- The documents of a letter (IN) and of its reply (OUT: the answer letter first, then the pieces,
-- each with the CodeTypePJ it is sent under).
alter table prefecture_message_document add column position int not null default 0;
alter table prefecture_message_document add column type_code varchar(5);

-- The cancellation: the request may have left once this marker is committed; the ARAnnulation.
alter table act_transmission add column cancellation_posting_at timestamptz;
alter table act_transmission add column cancellation_polls int not null default 0;
alter table act_transmission add column cancellation_ar_xml text;
alter table act_transmission add column cancellation_received_at date;
alter table act_transmission add column cancellation_error varchar(4000);
