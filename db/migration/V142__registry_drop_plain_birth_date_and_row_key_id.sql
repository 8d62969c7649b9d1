-- Step 3 of 3 (V140, V141): every row's birth date is encrypted and every ciphertext names its key.
ALTER TABLE registry_person
  MODIFY COLUMN birth_date_enc VARCHAR(255) NOT NULL,
  DROP COLUMN birth_date,
  DROP COLUMN pii_key_id;
