using System.Text.Json.Serialization;

namespace Terminal.Emulator.Output;

/// <summary>
/// One transaction as the JSON record gives it (--record). PAN masked (first 6, last 4); no PIN, no key.
/// <see cref="Outcome"/> is what the cashier saw: approved, declined, cancelled, timeout, card-removed,
/// host-unavailable, or the headline message in lower case. Taken from the application's own record
/// (Terminal.Firmware.Core.App.TransactionRecord).
/// </summary>
public sealed class TransactionRecord
{
    /// <summary>1-based order in the run.</summary>
    [JsonPropertyName("number")] public int Number { get; set; }
    /// <summary>Transaction type ("sale").</summary>
    [JsonPropertyName("type")] public string Type { get; set; } = "sale";
    /// <summary>Amount in minor units.</summary>
    [JsonPropertyName("amount")] public long Amount { get; set; }
    /// <summary>ISO 4217 numeric currency.</summary>
    [JsonPropertyName("currency")] public string Currency { get; set; } = "156";
    /// <summary>contact, contactless, magstripe or fallback.</summary>
    [JsonPropertyName("entryMode")] public string EntryMode { get; set; }
    /// <summary>Library card name.</summary>
    [JsonPropertyName("card")] public string Card { get; set; }
    /// <summary>Masked PAN.</summary>
    [JsonPropertyName("maskedPan")] public string MaskedPan { get; set; }
    /// <summary>AID ('84'/'4F'), hex.</summary>
    [JsonPropertyName("aid")] public string Aid { get; set; }
    /// <summary>Application label ('50').</summary>
    [JsonPropertyName("label")] public string Label { get; set; }
    /// <summary>What the cashier saw.</summary>
    [JsonPropertyName("outcome")] public string Outcome { get; set; }
    /// <summary>The kernel's decision as the application records it.</summary>
    [JsonPropertyName("decision")] public string Decision { get; set; }
    /// <summary>The reason message shown (lower case, English).</summary>
    [JsonPropertyName("reason")] public string Reason { get; set; }
    /// <summary>TVR '95', hex.</summary>
    [JsonPropertyName("tvr")] public string Tvr { get; set; }
    /// <summary>TSI '9B', hex.</summary>
    [JsonPropertyName("tsi")] public string Tsi { get; set; }
    /// <summary>CVM Results '9F34', hex.</summary>
    [JsonPropertyName("cvm")] public string Cvm { get; set; }
    /// <summary>Cryptogram Information Data '9F27', hex.</summary>
    [JsonPropertyName("cid")] public string Cid { get; set; }
    /// <summary>Application Cryptogram '9F26', hex.</summary>
    [JsonPropertyName("cryptogram")] public string Cryptogram { get; set; }
    /// <summary>True when the cardholder must sign (CVM signature).</summary>
    [JsonPropertyName("signatureRequired")] public bool SignatureRequired { get; set; }
    /// <summary>Host response code (DE 39), when the host answered.</summary>
    [JsonPropertyName("responseCode")] public string ResponseCode { get; set; }
    /// <summary>Host authorisation code (DE 38).</summary>
    [JsonPropertyName("authorizationCode")] public string AuthorizationCode { get; set; }
    /// <summary>Trace number (DE 11) of the online request.</summary>
    [JsonPropertyName("stan")] public int? Stan { get; set; }
    /// <summary>True when a host approval had to be reversed.</summary>
    [JsonPropertyName("reversal")] public bool Reversal { get; set; }

    /// <summary>The value of a scenario record field (ScenarioScript.Fields), or null.</summary>
    public string Field(string name) => name switch
    {
        "outcome" => Outcome,
        "decision" => Decision,
        "reason" => Reason,
        "entry-mode" => EntryMode,
        "card" => Card,
        "tvr" => Tvr,
        "tsi" => Tsi,
        "cvm" => Cvm,
        "response-code" => ResponseCode,
        _ => null,
    };
}

/// <summary>One expectation of the scenario and whether it held.</summary>
public sealed class ExpectationResult
{
    /// <summary>Scenario line.</summary>
    [JsonPropertyName("line")] public int Line { get; set; }
    /// <summary>The expectation as written.</summary>
    [JsonPropertyName("expect")] public string Expect { get; set; }
    /// <summary>True when it held.</summary>
    [JsonPropertyName("passed")] public bool Passed { get; set; }
    /// <summary>What was found instead, when it failed.</summary>
    [JsonPropertyName("actual")] public string Actual { get; set; }
}

/// <summary>The whole JSON record of a run.</summary>
public sealed class RunRecord
{
    /// <summary>Scenario file.</summary>
    [JsonPropertyName("scenario")] public string Scenario { get; set; }
    /// <summary>Which terminal logic ran (see the emulator README).</summary>
    [JsonPropertyName("terminal")] public string Terminal { get; set; }
    /// <summary>True when every expectation held and the run ended normally.</summary>
    [JsonPropertyName("passed")] public bool Passed { get; set; }
    /// <summary>Why the run stopped early, or null.</summary>
    [JsonPropertyName("error")] public string Error { get; set; }
    /// <summary>Transactions in order.</summary>
    [JsonPropertyName("transactions")] public List<TransactionRecord> Transactions { get; set; } = new();
    /// <summary>Expectations in order.</summary>
    [JsonPropertyName("expectations")] public List<ExpectationResult> Expectations { get; set; } = new();
    /// <summary>Receipts printed, in order (merchant and customer copies), lines joined by newlines.</summary>
    [JsonPropertyName("receipts")] public List<string> Receipts { get; set; } = new();
    /// <summary>The screens (transcript), each joined by '|'.</summary>
    [JsonPropertyName("screens")] public List<string> Screens { get; set; } = new();
}
