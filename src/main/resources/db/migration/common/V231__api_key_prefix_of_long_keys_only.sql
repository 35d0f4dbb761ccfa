-- The console shows a key's prefix only for keys generated here (pdk_ and 40 characters): a key
-- whose secret was chosen by the caller may be short enough for the prefix to be all of it.
update api_key set key_prefix = '' where key_prefix not like 'pdk\_%' escape '\';
