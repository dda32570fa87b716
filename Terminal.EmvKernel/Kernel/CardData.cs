namespace Terminal.EmvKernel.Kernel
{
    /// <summary>
    /// ICC-sourced data objects of one transaction: the selected application's FCI items, the GPO response
    /// (82 AIP, 94 AFL) and every primitive data object of the records read (EMV 4.4 Book 3, 10.2).
    /// </summary>
    public sealed class CardData : TagValueStore
    {
    }
}
