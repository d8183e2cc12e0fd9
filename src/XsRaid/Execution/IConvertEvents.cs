namespace XsRaid.Execution;

/// <summary>Receives the events of a conversion.</summary>
public interface IConvertEvents
{
    void On(ConvertEvent e);
}
