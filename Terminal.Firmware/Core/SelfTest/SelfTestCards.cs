namespace Terminal.Firmware.Core.SelfTest
{
    /// <summary>
    /// The self-test's cards and test PKI, embedded: the device has no file system guarantee, so the library
    /// profiles (cards/*.card) and key files (cards/pki) the scenarios need are compiled in, byte for byte as in
    /// the library (Terminal.Tests/SelfTest checks that they have not drifted). TEST DATA ONLY: the keys are the
    /// project's public test keys. Generated from cards/ - edit the library, then regenerate.
    /// </summary>
    public static class SelfTestCards
    {
        /// <summary>Names of the embedded card profiles.</summary>
        public static readonly string[] Names =
        {
            "visa-pin-offline-plaintext",
            "visa-dda-pass",
            "visa-online-host-approves",
            "visa-online-host-declines",
            "visa-online-host-unreachable",
            "visa-qvsdc-online",
            "visa-qvsdc-offline-fdda",
            "magstripe-only-101"
        };

        /// <summary>Names of the embedded key files, relative to the library (as the profiles name them).</summary>
        public static readonly string[] KeyFiles =
        {
            "pki/issuer-visa.key",
            "pki/icc-visa.key",
            "pki/test-ca-keys.txt"
        };

        /// <summary>The profile text of an embedded card, or null.</summary>
        public static string Profile(string name)
        {
            if (name == "visa-pin-offline-plaintext") return Card0;
            if (name == "visa-dda-pass") return Card1;
            if (name == "visa-online-host-approves") return Card2;
            if (name == "visa-online-host-declines") return Card3;
            if (name == "visa-online-host-unreachable") return Card4;
            if (name == "visa-qvsdc-online") return Card5;
            if (name == "visa-qvsdc-offline-fdda") return Card6;
            if (name == "magstripe-only-101") return Card7;
            return null;
        }

        /// <summary>The text of an embedded key file (relative path), or null.</summary>
        public static string KeyFile(string path)
        {
            if (path == "pki/issuer-visa.key") return File0;
            if (path == "pki/icc-visa.key") return File1;
            if (path == "pki/test-ca-keys.txt") return File2;
            return null;
        }

        private const string Card0 = @"# Virtual EMV test card (TEST DATA ONLY, keys from cards/pki are public test keys).
# Format: docs/card-profiles.md. Reference terminal and transaction: docs/card-profiles.md.

[card]
name = visa-pin-offline-plaintext
statement = Offline plaintext PIN (CVM 41 03, PIN 1234, 3 tries): VERIFY 9000, offline TC
decision = approved-offline
tvr = 0000000000
cvm-result = 410302 (plaintext PIN successful)
amount = 10.00
scheme = visa
interface = contact

[application A0000000031010]
label = VISA CREDIT
priority = 01
pan = 4761739000000152
psn = 01
expiry = 2030-12-31
effective = 2020-01-01
auc = FF00
aip = 3800
cvm-list = 000000000000000041031E03
iac-default = DCE004F800
iac-denial = 0010000000
iac-online = DCE004F800
app-version = 0096
country = 0156
currency = 0156
track2 = 4761739000000152D30122010000000000
cardholder-name = TEST/CARD 15
cdol1 = 9F02069F03069F1A0295055F2A029A039C019F3704
cdol2 = 8A029F02069F03069F1A0295055F2A029A039C019F3704
ddol = 9F3704
oda = dda
cvn = visa-10
last-online-atc = 1
atc = 1
pin = 1234

[records]
record.1.1 = oda 5A 5F24 5F25 5F34 5F28 9F07 8E 9F0D 9F0E 9F0F 9F08 8C 8D
record.1.2 = 57 5F20 9F49
record.2.1 = 8F 90
record.2.2 = 92 9F32 9F46 9F47 9F48

[keys]
issuer = pki/issuer-visa.key
icc = pki/icc-visa.key
mk-ac = 0123456789ABCDEFFEDCBA9876543210
mk-smi = 11111111111111112222222222222222
mk-smc = 33333333333333334444444444444444
";

        private const string Card1 = @"# Virtual EMV test card (TEST DATA ONLY, keys from cards/pki are public test keys).
# Format: docs/card-profiles.md. Reference terminal and transaction: docs/card-profiles.md.

[card]
name = visa-dda-pass
statement = Contact Visa with DDA (issuer + ICC certificates, INTERNAL AUTHENTICATE) under test CA A000000003 50: DDA succeeds, offline TC
decision = approved-offline
tvr = 0000000000
cvm-result = 1E0300 (signature)
amount = 10.00
scheme = visa
interface = contact

[application A0000000031010]
label = VISA CREDIT
priority = 01
pan = 4761739000000053
psn = 01
expiry = 2030-12-31
effective = 2020-01-01
auc = FF00
aip = 3800
cvm-list = 00000000000000001E031F03
iac-default = DCE004F800
iac-denial = 0010000000
iac-online = DCE004F800
app-version = 0096
country = 0156
currency = 0156
track2 = 4761739000000053D30122010000000000
cardholder-name = TEST/CARD 05
cdol1 = 9F02069F03069F1A0295055F2A029A039C019F3704
cdol2 = 8A029F02069F03069F1A0295055F2A029A039C019F3704
ddol = 9F3704
oda = dda
sda-tag-list = 82
cvn = visa-10
last-online-atc = 1
atc = 1

[records]
record.1.1 = oda 5A 5F24 5F25 5F34 5F28 9F07 8E 9F0D 9F0E 9F0F 9F08 8C 8D 9F4A
record.1.2 = 57 5F20 9F49
record.2.1 = 8F 90
record.2.2 = 92 9F32 9F46 9F47 9F48

[keys]
issuer = pki/issuer-visa.key
icc = pki/icc-visa.key
mk-ac = 0123456789ABCDEFFEDCBA9876543210
mk-smi = 11111111111111112222222222222222
mk-smc = 33333333333333334444444444444444
";

        private const string Card2 = @"# Virtual EMV test card (TEST DATA ONLY, keys from cards/pki are public test keys).
# Format: docs/card-profiles.md. Reference terminal and transaction: docs/card-profiles.md.

[card]
name = visa-online-host-approves
statement = Card asks to go online (ARQC); host approves with a valid ARPC (method 1); 2nd GAC TC
decision = approved-online
tvr = 0000000000
cvm-result = 1E0300
host = approve
amount = 10.00
scheme = visa
interface = contact

[application A0000000031010]
label = VISA CREDIT
priority = 01
pan = 4761739000000301
psn = 01
expiry = 2030-12-31
effective = 2020-01-01
auc = FF00
aip = 3C00
cvm-list = 00000000000000001E031F03
iac-default = DCE004F800
iac-denial = 0010000000
iac-online = DCE004F800
app-version = 0096
country = 0156
currency = 0156
track2 = 4761739000000301D30122010000000000
cardholder-name = TEST/CARD 30
cdol1 = 9F02069F03069F1A0295055F2A029A039C019F3704
cdol2 = 910A8A029F02069F03069F1A0295055F2A029A039C019F3704
ddol = 9F3704
oda = dda
cvn = visa-10
last-online-atc = 1
atc = 1

[records]
record.1.1 = oda 5A 5F24 5F25 5F34 5F28 9F07 8E 9F0D 9F0E 9F0F 9F08 8C 8D
record.1.2 = 57 5F20 9F49
record.2.1 = 8F 90
record.2.2 = 92 9F32 9F46 9F47 9F48

[keys]
issuer = pki/issuer-visa.key
icc = pki/icc-visa.key
mk-ac = 0123456789ABCDEFFEDCBA9876543210
mk-smi = 11111111111111112222222222222222
mk-smc = 33333333333333334444444444444444

[behaviour]
force-online = yes
";

        private const string Card3 = @"# Virtual EMV test card (TEST DATA ONLY, keys from cards/pki are public test keys).
# Format: docs/card-profiles.md. Reference terminal and transaction: docs/card-profiles.md.

[card]
name = visa-online-host-declines
statement = Card asks to go online (ARQC); host declines (ARC 05) with a valid ARPC; 2nd GAC AAC
decision = declined-online
tvr = 0000000000
cvm-result = 1E0300
host = decline
amount = 10.00
scheme = visa
interface = contact

[application A0000000031010]
label = VISA CREDIT
priority = 01
pan = 4761739000000319
psn = 01
expiry = 2030-12-31
effective = 2020-01-01
auc = FF00
aip = 3C00
cvm-list = 00000000000000001E031F03
iac-default = DCE004F800
iac-denial = 0010000000
iac-online = DCE004F800
app-version = 0096
country = 0156
currency = 0156
track2 = 4761739000000319D30122010000000000
cardholder-name = TEST/CARD 31
cdol1 = 9F02069F03069F1A0295055F2A029A039C019F3704
cdol2 = 910A8A029F02069F03069F1A0295055F2A029A039C019F3704
ddol = 9F3704
oda = dda
cvn = visa-10
last-online-atc = 1
atc = 1

[records]
record.1.1 = oda 5A 5F24 5F25 5F34 5F28 9F07 8E 9F0D 9F0E 9F0F 9F08 8C 8D
record.1.2 = 57 5F20 9F49
record.2.1 = 8F 90
record.2.2 = 92 9F32 9F46 9F47 9F48

[keys]
issuer = pki/issuer-visa.key
icc = pki/icc-visa.key
mk-ac = 0123456789ABCDEFFEDCBA9876543210
mk-smi = 11111111111111112222222222222222
mk-smc = 33333333333333334444444444444444

[behaviour]
force-online = yes
";

        private const string Card4 = @"# Virtual EMV test card (TEST DATA ONLY, keys from cards/pki are public test keys).
# Format: docs/card-profiles.md. Reference terminal and transaction: docs/card-profiles.md.

[card]
name = visa-online-host-unreachable
statement = Card asks to go online (ARQC); host unreachable: default action (TVR 0000000000 against IAC-default DCE004F800 and TAC-default 0: no match) asks a TC with ARC Y3, card TC at 2nd GAC
decision = approved-offline (unable to go online, Y3)
tvr = 0000000000
cvm-result = 1E0300
host = unreachable
amount = 10.00
scheme = visa
interface = contact

[application A0000000031010]
label = VISA CREDIT
priority = 01
pan = 4761739000000327
psn = 01
expiry = 2030-12-31
effective = 2020-01-01
auc = FF00
aip = 3C00
cvm-list = 00000000000000001E031F03
iac-default = DCE004F800
iac-denial = 0010000000
iac-online = DCE004F800
app-version = 0096
country = 0156
currency = 0156
track2 = 4761739000000327D30122010000000000
cardholder-name = TEST/CARD 32
cdol1 = 9F02069F03069F1A0295055F2A029A039C019F3704
cdol2 = 910A8A029F02069F03069F1A0295055F2A029A039C019F3704
ddol = 9F3704
oda = dda
cvn = visa-10
last-online-atc = 1
atc = 1

[records]
record.1.1 = oda 5A 5F24 5F25 5F34 5F28 9F07 8E 9F0D 9F0E 9F0F 9F08 8C 8D
record.1.2 = 57 5F20 9F49
record.2.1 = 8F 90
record.2.2 = 92 9F32 9F46 9F47 9F48

[keys]
issuer = pki/issuer-visa.key
icc = pki/icc-visa.key
mk-ac = 0123456789ABCDEFFEDCBA9876543210
mk-smi = 11111111111111112222222222222222
mk-smc = 33333333333333334444444444444444

[behaviour]
force-online = yes
";

        private const string Card5 = @"# Virtual EMV test card (TEST DATA ONLY, keys from cards/pki are public test keys).
# Format: docs/card-profiles.md. Reference terminal and transaction: docs/card-profiles.md.

[card]
name = visa-qvsdc-online
statement = Visa contactless qVSDC: GPO returns ARQC (9F26, 9F27 80) with CTQ; online authorisation, host approves
decision = approved-online
tvr = 0000000000
cvm-result = 1F0302 (no CVM below the CVM required limit)
host = approve
amount = 10.00
scheme = visa
interface = contactless

[application A0000000031010]
label = VISA CREDIT
priority = 01
pan = 4761739000000400
psn = 01
expiry = 2030-12-31
effective = 2020-01-01
auc = FF00
aip = 0000
cvm-list = 00000000000000001E031F03
iac-default = DCE004F800
iac-denial = 0010000000
iac-online = DCE004F800
app-version = 0096
country = 0156
currency = 0156
track2 = 4761739000000400D30122010000000000
cardholder-name = TEST/CARD 40
pdol = 9F66049F02069F03069F1A0295055F2A029A039C019F3704
cdol1 = 9F02069F03069F1A0295055F2A029A039C019F3704
cdol2 = 8A029F02069F03069F1A0295055F2A029A039C019F3704
ddol = 9F3704
oda = dda
cvn = visa-10
last-online-atc = 1
atc = 1
personality = visa-qvsdc
gpo-format = 2
ctq = 0000
card-auth-data = 01000000000000
contactless-decision = arqc

[records]
record.1.1 = oda 5A 5F24 5F25 5F34 5F28 9F07 9F08
record.1.2 = 57 5F20 9F69
record.2.1 = 8F 90
record.2.2 = 92 9F32 9F46 9F47 9F48

[keys]
issuer = pki/issuer-visa.key
icc = pki/icc-visa.key
mk-ac = 0123456789ABCDEFFEDCBA9876543210
mk-smi = 11111111111111112222222222222222
mk-smc = 33333333333333334444444444444444
";

        private const string Card6 = @"# Virtual EMV test card (TEST DATA ONLY, keys from cards/pki are public test keys).
# Format: docs/card-profiles.md. Reference terminal and transaction: docs/card-profiles.md.

[card]
name = visa-qvsdc-offline-fdda
statement = Visa contactless qVSDC offline: GPO returns TC, fDDA signature (9F4B) over UN, amount, currency and 9F69 verifies
decision = approved-offline
tvr = 0000000000
cvm-result = 1F0302
amount = 10.00
scheme = visa
interface = contactless

[application A0000000031010]
label = VISA CREDIT
priority = 01
pan = 4761739000000418
psn = 01
expiry = 2030-12-31
effective = 2020-01-01
auc = FF00
aip = 2000
cvm-list = 00000000000000001E031F03
iac-default = DCE004F800
iac-denial = 0010000000
iac-online = DCE004F800
app-version = 0096
country = 0156
currency = 0156
track2 = 4761739000000418D30122010000000000
cardholder-name = TEST/CARD 41
pdol = 9F66049F02069F03069F1A0295055F2A029A039C019F3704
cdol1 = 9F02069F03069F1A0295055F2A029A039C019F3704
cdol2 = 8A029F02069F03069F1A0295055F2A029A039C019F3704
ddol = 9F3704
oda = dda
cvn = visa-10
last-online-atc = 1
atc = 1
personality = visa-qvsdc
gpo-format = 2
ctq = 0000
card-auth-data = 01000000000000
contactless-decision = tc

[records]
record.1.1 = oda 5A 5F24 5F25 5F34 5F28 9F07 9F08
record.1.2 = 57 5F20 9F69
record.2.1 = 8F 90
record.2.2 = 92 9F32 9F46 9F47 9F48

[keys]
issuer = pki/issuer-visa.key
icc = pki/icc-visa.key
mk-ac = 0123456789ABCDEFFEDCBA9876543210
mk-smi = 11111111111111112222222222222222
mk-smc = 33333333333333334444444444444444
";

        private const string Card7 = @"# Virtual test card (TEST DATA ONLY). Format: docs/card-profiles.md.

[card]
name = magstripe-only-101
statement = Magstripe-only card (service code 101, no chip): the swipe is accepted and authorised online as magstripe
decision = approved-online (magstripe)
tvr = -
cvm-result = - (signature per terminal magstripe rules)
host = approve
amount = 10.00
scheme = visa
interface = magstripe
pse = no
ppse = no

[track]
magstripe-only = yes
track1 = B4761739900000013^MAGSTRIPE/TEST^30121010000000000000
track2 = 4761739900000013D30121010000000000
service-code = 101
";

        private const string File0 = @"# !!! TEST KEY - NOT SECRET - NEVER USE IN PRODUCTION !!!
# Part of the project's public test PKI for virtual cards (docs/card-profiles.md). Anyone can read it.
# Test Visa issuer 476173 (cert expires 12/2030), CA A000000003 50

[issuer-certificate]
ca-rid = A000000003
ca-index = 50
issuer-identifier = 476173FF
expiry = 1230
serial = 000001
exponent = 03
certificate = 5BBEAC18FA24ED30E72AACD882474B371F69B637B92E29FD5FF376E5779D95FD2D03BAFC48002243D209351C1749DE7ABD217C87AB86A9D916A5716055525386F39B4BFBD295B99CC90BF3F48288DF75A51B4A13EAB8BB7200C64844F7182432FB049984992E87F84273D5C427160C89D9814315F46FC74D3C1EBFD8C5D5664DB58B4E94595B142535481E589538465F8AC2A393A0F8507B8EA7B77D3130F11BAC99B97FB78CB89325096D117D5679A9
remainder = 76DDB6A1

[rsa-private-key]
modulus = ABB6A88717FC192BDA7AD74081C3B12F4E5FCAB5E527B2CA8E255ADA5099CDD2900F7D47BBC3B13D72AAB65C21A766F71ABB2DC83CC7C3E7ED3E2F609D82CB79A690F1A9AE0B8B20CBBDFE52EFF4A8BAAA3B64EE91D96E93664D035491D3BECFA86DC254B7E4B7E70FBDF92AAFF858AA9062FC48086CFE8AF9EA2AB2F4BA4299199242E1D36B2A407E24F77D76DDB6A1
exponent = 03
p = D4FA3E1049130201C7ACB6376760A8F2304CAFA1B724C9DEB5BBEE663E0D547FC4B0A864254DB05B08FD97C73BD58FE812215A983CACF872DB26179F4F1DFFD2F7FA0FDE1B4F7797
q = CE668547388CF680062A41F4FF0F4A574566C4870141BD68327DFD8616DD16D68A81C0D8E8BFC8E020FB2C4F004A12791D5CD63394FB5E57D5DC3B9C09DC0CF982BCBA6A703C4A87
dp = 8DFC296030B756ABDA732424EF95C5F6CADDCA6BCF6DDBE9CE7D49997EB38DAA83207042C389203CB0A90FDA27E3B545616B91BAD31DFAF73CC40FBF8A13FFE1FAA6B53EBCDFA50F
dq = 8999AE2F7B08A4555971814DFF5F86E4D8EF2DAF562BD39ACC53FE596493648F07012B3B45D530956B521D8A003161A613933977B8A7943A8E92D2680692B35101D326F1A02831AF
qinv = 6DE12CC6F06F2380D28F2CF150012519186E9389025F27C3140E51C9EF31BA08F2AD3C88836EC583368B808113A6C1FD3FF81F33F4A3AF8BA5EFC0E7DF8FA582FC427F0D049F196E
";

        private const string File1 = @"# !!! TEST KEY - NOT SECRET - NEVER USE IN PRODUCTION !!!
# Part of the project's public test PKI for virtual cards (docs/card-profiles.md). Anyone can read it.
# Test ICC key pair for the Visa library cards

[rsa-private-key]
modulus = B3DCB361E584846AF8AE055BB7B56ADC98682C7282CEA231398F317CAA66B22967CD0BF0301F928E596AA5CB51FE6DE126A8053F3256956B00D683BFB1217CE618D9D4F901F2203AB4CD7E5549C58C09FAC4196AC0E94F107CC3B4EDDD3FE45BCBD4CC9CFEA9A6CA5CE9A0106A9C8D3E998D490C79E7F943FB73D58B979D9A03
exponent = 03
p = E2151ABDCFB63180506F59E7A29C977228E59B74926A8D9EEA8E3806F919BB6C1D816098C5EE1B10412942D73DA876104956E0C1CD2EBD56F5A31A931BCBD769
q = CBA9CF7E70A8C4FBA652F35903A18FB2D5E9F4C40A06B807AF3909626A175B9BA5413453209503AB5EE1B8EB9B23917C21446419CDCB1A60B3C994531BC2048B
dp = 96B8BC7E8A7976558AF4E69A6C6864F6C5EE67A30C4709149C5ED004A611279D6900EB1083F4120AD61B81E4D3C5A40ADB8F408133747E39F917670CBD328F9B
dq = 87C68A544B1B2DFD198CA23B57C10A773946A32D5C047AAFCA2606419C0F9267C380CD8CC06357C794967B47BCC260FD6B82ED6689321195CD310D8CBD2C0307
qinv = 9137C5965908A125223167AEE2B968447E0DF350EA4BDE4B9620BE779964711CA1657F23DBE99077EB0C73BD1D59D24A17B64B88796B7909BA49ED8429B7C94D
";

        private const string File2 = @"# TEST CA public keys of the virtual card library (cardtool ca create). TEST KEYS ONLY:
# their private keys are public in this directory. Load into a TEST store only.
# Format: docs/ca-keys.md. Indexes chosen not to collide with config/ca-keys/test.txt.
key test A000000003 50 01 01 20351231 03 4DD3C125F5BAEEE9BB41B27EFAF25554077F06E7 DE6FE785B2F3B8B3D029960F3C0B132021124ECAD5FAEDF6FB0D7B3B8C4C844A408DB8D14EE0EC5DD67BCEEB36ACAFF3F75F5C0A372B47D6D28F83CF1814FBE6BFD391D800DEC8D0CB3E55438EDED68F0E069F67539430874CF0C2782DE8B952E1B734BC666E82CD443972A55A0A91D0D612C7451E1ABAA5691F6916556C241677FFACFDA709FE88422EF570E2E38E70A168CF28CE9B26ABDF4E2E6EBB86F1C03596AC647B16CBFC9493B607F9DD1F59
key test A000000004 50 01 01 20351231 03 55B9080514D290C5515FE7328FDF60E0A5302F11 B8B3D4812EF965731C9D8E97D3CDBD32E3A359D9E352493445259394C824CBF8C60508B1DD4A58D305DD957F36AB4B5BF2DD21EE142D2CBDFDAEEEEA30CB2E7D7F276713E3D4903C84C67CEE15BC7B5C9BE5ED2232CC99499D1CB3D410242FF0CEFA1F76B5CBD56600C737F321E6F76F805178A0F6BC7032C35D4AA5559B1D821BEF3736D25D2850157BF5F7F812808F77D510596824E8E6BE21BD75C52BB59652A6E4B43655999C8770AE5E7DD00957
key test A000000333 50 01 01 20351231 03 E4E8BA68046B296B956B3DDD56AF4369F76192E4 D1074FAB57402F2A0636CBB35FB4E4D6CD8E8641D4C87FC6925B3409CD31F48D58FE2271839847B90DC0E3247433FD1D75E1BAFA9ECAB8A63F7FCEC45F21ACEA62BFD10566C99BE75B9EE1857CAFE93E68D081C2D75EB11760F782485D2F9D2801070B73B6D8401D81A2AD53FB009C7BF9077A44CE0435CC2ECBC660AA425DADEE908555DC6DE04E66F70D4A74538228B4F0D9D26702D71CD64CECC3CECD605EB3B00A2719B00CEF08B925FDCCD440C3DFB4B30EEFA310374CFA831C7590BE44EEC4E3F8FF9C7F3EA264B40800C2DAB7ECCA9160E1F4367EF76791A476A245B84908713756FF8D6CCF8C5557A2899615ECB21916727A1BE1
revoke test A000000003 50 0000FF
";
    }
}
