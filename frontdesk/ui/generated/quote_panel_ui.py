# Generated from forms/quote_panel.ui by tools/compile_forms.py: do not edit.
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QSpacerItem, QSpinBox, QTableWidget, QVBoxLayout, QWidget

class Ui_QuotePanel(object):
    def setupUi(self, QuotePanel):
        if not QuotePanel.objectName():
            QuotePanel.setObjectName(u"QuotePanel")
        QuotePanel.resize(900, 560)
        self.panelLayout = QVBoxLayout(QuotePanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.quoteGroup = QGroupBox(QuotePanel)
        self.quoteGroup.setObjectName(u"quoteGroup")
        self.quoteLayout = QVBoxLayout(self.quoteGroup)
        self.quoteLayout.setObjectName(u"quoteLayout")
        self.cardLayout = QHBoxLayout()
        self.cardLayout.setObjectName(u"cardLayout")
        self.cardLabel = QLabel(self.quoteGroup)
        self.cardLabel.setObjectName(u"cardLabel")

        self.cardLayout.addWidget(self.cardLabel)

        self.cardCombo = QComboBox(self.quoteGroup)
        self.cardCombo.setObjectName(u"cardCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.cardCombo.sizePolicy().hasHeightForWidth())
        self.cardCombo.setSizePolicy(sizePolicy)

        self.cardLayout.addWidget(self.cardCombo)

        self.scheduleLabel = QLabel(self.quoteGroup)
        self.scheduleLabel.setObjectName(u"scheduleLabel")
        self.scheduleLabel.setText(u"")

        self.cardLayout.addWidget(self.scheduleLabel)


        self.quoteLayout.addLayout(self.cardLayout)

        self.addLineLayout = QHBoxLayout()
        self.addLineLayout.setObjectName(u"addLineLayout")
        self.kindLabel = QLabel(self.quoteGroup)
        self.kindLabel.setObjectName(u"kindLabel")

        self.addLineLayout.addWidget(self.kindLabel)

        self.kindCombo = QComboBox(self.quoteGroup)
        self.kindCombo.setObjectName(u"kindCombo")

        self.addLineLayout.addWidget(self.kindCombo)

        self.codeCombo = QComboBox(self.quoteGroup)
        self.codeCombo.setObjectName(u"codeCombo")
        self.codeCombo.setEditable(True)
        self.codeCombo.setMinimumSize(QSize(160, 0))

        self.addLineLayout.addWidget(self.codeCombo)

        self.qtyLabel = QLabel(self.quoteGroup)
        self.qtyLabel.setObjectName(u"qtyLabel")

        self.addLineLayout.addWidget(self.qtyLabel)

        self.qtySpin = QSpinBox(self.quoteGroup)
        self.qtySpin.setObjectName(u"qtySpin")
        self.qtySpin.setMinimum(1)
        self.qtySpin.setMaximum(99)

        self.addLineLayout.addWidget(self.qtySpin)

        self.componentLabel = QLabel(self.quoteGroup)
        self.componentLabel.setObjectName(u"componentLabel")

        self.addLineLayout.addWidget(self.componentLabel)

        self.componentCombo = QComboBox(self.quoteGroup)
        self.componentCombo.setObjectName(u"componentCombo")

        self.addLineLayout.addWidget(self.componentCombo)

        self.addLineButton = QPushButton(self.quoteGroup)
        self.addLineButton.setObjectName(u"addLineButton")

        self.addLineLayout.addWidget(self.addLineButton)

        self.removeLineButton = QPushButton(self.quoteGroup)
        self.removeLineButton.setObjectName(u"removeLineButton")

        self.addLineLayout.addWidget(self.removeLineButton)


        self.quoteLayout.addLayout(self.addLineLayout)

        self.linesTable = QTableWidget(self.quoteGroup)
        self.linesTable.setObjectName(u"linesTable")
        self.linesTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.linesTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.linesTable.setAlternatingRowColors(True)
        self.linesTable.setMinimumSize(QSize(0, 110))
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(2)
        sizePolicy1.setHeightForWidth(self.linesTable.sizePolicy().hasHeightForWidth())
        self.linesTable.setSizePolicy(sizePolicy1)

        self.quoteLayout.addWidget(self.linesTable)

        self.totalsLabel = QLabel(self.quoteGroup)
        self.totalsLabel.setObjectName(u"totalsLabel")
        self.totalsLabel.setText(u"")
        self.totalsLabel.setWordWrap(True)
        self.totalsLabel.setTextFormat(Qt.RichText)
        self.totalsLabel.setMinimumSize(QSize(0, 44))
        self.totalsLabel.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)

        self.quoteLayout.addWidget(self.totalsLabel)

        self.quoteButtons = QHBoxLayout()
        self.quoteButtons.setObjectName(u"quoteButtons")
        self.makeQuoteButton = QPushButton(self.quoteGroup)
        self.makeQuoteButton.setObjectName(u"makeQuoteButton")

        self.quoteButtons.addWidget(self.makeQuoteButton)

        self.approveButton = QPushButton(self.quoteGroup)
        self.approveButton.setObjectName(u"approveButton")

        self.quoteButtons.addWidget(self.approveButton)

        self.phoneApproveButton = QPushButton(self.quoteGroup)
        self.phoneApproveButton.setObjectName(u"phoneApproveButton")

        self.quoteButtons.addWidget(self.phoneApproveButton)

        self.declineButton = QPushButton(self.quoteGroup)
        self.declineButton.setObjectName(u"declineButton")

        self.quoteButtons.addWidget(self.declineButton)

        self.faultFoundCheck = QCheckBox(self.quoteGroup)
        self.faultFoundCheck.setObjectName(u"faultFoundCheck")
        self.faultFoundCheck.setChecked(True)

        self.quoteButtons.addWidget(self.faultFoundCheck)

        self.quoteSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.quoteButtons.addItem(self.quoteSpacer)

        self.softwareCheck = QCheckBox(self.quoteGroup)
        self.softwareCheck.setObjectName(u"softwareCheck")

        self.quoteButtons.addWidget(self.softwareCheck)


        self.quoteLayout.addLayout(self.quoteButtons)


        self.panelLayout.addWidget(self.quoteGroup)

        self.paymentGroup = QGroupBox(QuotePanel)
        self.paymentGroup.setObjectName(u"paymentGroup")
        self.paymentLayout = QVBoxLayout(self.paymentGroup)
        self.paymentLayout.setObjectName(u"paymentLayout")
        self.balanceLabel = QLabel(self.paymentGroup)
        self.balanceLabel.setObjectName(u"balanceLabel")
        self.balanceLabel.setText(u"")
        self.balanceLabel.setWordWrap(True)
        self.balanceLabel.setTextFormat(Qt.RichText)

        self.paymentLayout.addWidget(self.balanceLabel)

        self.payButtons = QHBoxLayout()
        self.payButtons.setObjectName(u"payButtons")
        self.payButton = QPushButton(self.paymentGroup)
        self.payButton.setObjectName(u"payButton")

        self.payButtons.addWidget(self.payButton)

        self.depositButton = QPushButton(self.paymentGroup)
        self.depositButton.setObjectName(u"depositButton")

        self.payButtons.addWidget(self.depositButton)

        self.refundButton = QPushButton(self.paymentGroup)
        self.refundButton.setObjectName(u"refundButton")

        self.payButtons.addWidget(self.refundButton)

        self.waiverButton = QPushButton(self.paymentGroup)
        self.waiverButton.setObjectName(u"waiverButton")

        self.payButtons.addWidget(self.waiverButton)

        self.invoiceButton = QPushButton(self.paymentGroup)
        self.invoiceButton.setObjectName(u"invoiceButton")

        self.payButtons.addWidget(self.invoiceButton)

        self.paySpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.payButtons.addItem(self.paySpacer)


        self.paymentLayout.addLayout(self.payButtons)

        self.receiptsTable = QTableWidget(self.paymentGroup)
        self.receiptsTable.setObjectName(u"receiptsTable")
        self.receiptsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.receiptsTable.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.receiptsTable.setAlternatingRowColors(True)
        self.receiptsTable.setMaximumSize(QSize(16777215, 90))

        self.paymentLayout.addWidget(self.receiptsTable)


        self.panelLayout.addWidget(self.paymentGroup)

        self.messageLabel = QLabel(QuotePanel)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setText(u"")
        self.messageLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.messageLabel)

#if QT_CONFIG(shortcut)
        self.cardLabel.setBuddy(self.cardCombo)
        self.kindLabel.setBuddy(self.kindCombo)
        self.qtyLabel.setBuddy(self.qtySpin)
        self.componentLabel.setBuddy(self.componentCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.cardCombo, self.kindCombo)
        QWidget.setTabOrder(self.kindCombo, self.codeCombo)
        QWidget.setTabOrder(self.codeCombo, self.qtySpin)
        QWidget.setTabOrder(self.qtySpin, self.componentCombo)
        QWidget.setTabOrder(self.componentCombo, self.addLineButton)
        QWidget.setTabOrder(self.addLineButton, self.removeLineButton)
        QWidget.setTabOrder(self.removeLineButton, self.linesTable)
        QWidget.setTabOrder(self.linesTable, self.makeQuoteButton)
        QWidget.setTabOrder(self.makeQuoteButton, self.approveButton)
        QWidget.setTabOrder(self.approveButton, self.phoneApproveButton)
        QWidget.setTabOrder(self.phoneApproveButton, self.declineButton)
        QWidget.setTabOrder(self.declineButton, self.faultFoundCheck)
        QWidget.setTabOrder(self.faultFoundCheck, self.payButton)
        QWidget.setTabOrder(self.payButton, self.depositButton)
        QWidget.setTabOrder(self.depositButton, self.refundButton)
        QWidget.setTabOrder(self.refundButton, self.waiverButton)
        QWidget.setTabOrder(self.waiverButton, self.invoiceButton)
        QWidget.setTabOrder(self.invoiceButton, self.receiptsTable)

        self.retranslateUi(QuotePanel)
    # setupUi

    def retranslateUi(self, QuotePanel):
        self.quoteGroup.setTitle(QCoreApplication.translate("QuotePanel", u"Quote", None))
        self.cardLabel.setText(QCoreApplication.translate("QuotePanel", u"Customer's warranty &card", None))
        self.kindLabel.setText(QCoreApplication.translate("QuotePanel", u"&Line", None))
        self.qtyLabel.setText(QCoreApplication.translate("QuotePanel", u"&Qty", None))
        self.componentLabel.setText(QCoreApplication.translate("QuotePanel", u"For", None))
        self.addLineButton.setText(QCoreApplication.translate("QuotePanel", u"&Add line", None))
        self.removeLineButton.setText(QCoreApplication.translate("QuotePanel", u"Remove line", None))
        self.makeQuoteButton.setText(QCoreApplication.translate("QuotePanel", u"&Make the quote", None))
        self.approveButton.setText(QCoreApplication.translate("QuotePanel", u"Customer appro&ves", None))
        self.phoneApproveButton.setText(QCoreApplication.translate("QuotePanel", u"Approved by p&hone", None))
        self.declineButton.setText(QCoreApplication.translate("QuotePanel", u"&Declined", None))
        self.faultFoundCheck.setText(QCoreApplication.translate("QuotePanel", u"Fault was found (inspection fee)", None))
        self.softwareCheck.setText(QCoreApplication.translate("QuotePanel", u"Charge the software set-up (the manager decides)", None))
        self.paymentGroup.setTitle(QCoreApplication.translate("QuotePanel", u"Payments", None))
        self.payButton.setText(QCoreApplication.translate("QuotePanel", u"Take &payment\u2026", None))
#if QT_CONFIG(tooltip)
        self.depositButton.setToolTip(QCoreApplication.translate("QuotePanel", u"Put part of the loaner deposit held toward the bill, when the customer asks", None))
#endif // QT_CONFIG(tooltip)
        self.depositButton.setText(QCoreApplication.translate("QuotePanel", u"Use the deposi&t\u2026", None))
        self.refundButton.setText(QCoreApplication.translate("QuotePanel", u"Re&fund\u2026", None))
#if QT_CONFIG(tooltip)
        self.refundButton.setToolTip(QCoreApplication.translate("QuotePanel", u"Pay back what the customer is owed (more was paid than is owed): a refund receipt is issued", None))
#endif // QT_CONFIG(tooltip)
        self.waiverButton.setText(QCoreApplication.translate("QuotePanel", u"&Waiver or discount\u2026", None))
        self.invoiceButton.setText(QCoreApplication.translate("QuotePanel", u"&Invoice\u2026", None))
        pass
    # retranslateUi

