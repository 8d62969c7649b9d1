-- The birth date is personal data like the ID number it comes from (its digits 7–14): stored
-- encrypted, shown as an age only. Step 1 of 3: the column; V141 (Java, the app's keys) encrypts
-- existing birth dates, seals every ciphertext again in the form that names its key
-- (v2:<keyId>:...) and shortens the stored mask to the last four characters; V142 drops the plain
-- birth date and the per-row key id.
ALTER TABLE registry_person ADD COLUMN birth_date_enc VARCHAR(255) NULL;
