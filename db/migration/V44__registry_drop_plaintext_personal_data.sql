-- Step 3 of 3: every row is encrypted (V43); uniqueness moves to the ID number's keyed hash and the
-- plaintext columns go. Household members' ID numbers are not collected (column unused) and go too.
ALTER TABLE registry_person
  MODIFY COLUMN id_number_hmac VARCHAR(64)  NOT NULL,
  MODIFY COLUMN id_number_enc  VARCHAR(255) NOT NULL,
  MODIFY COLUMN pii_key_id     VARCHAR(32)  NOT NULL,
  DROP INDEX uq_person_id_number,
  DROP COLUMN id_number,
  DROP COLUMN phone,
  DROP COLUMN address,
  ADD CONSTRAINT uq_person_id_hmac UNIQUE (id_number_hmac);

ALTER TABLE registry_household_member DROP COLUMN id_number;
