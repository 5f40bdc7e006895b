-- The visitor's NPS answer (0-10) after a chat, beside the CSAT score, for sites that ask it.
ALTER TABLE conversations ADD COLUMN nps_score integer;
